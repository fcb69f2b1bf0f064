package dev.audiopipeline.features.dsp;

/**
 * {@code log10(x)} to within {@code 4e-16 + 3e-16 |log10 x|} for positive normal doubles (a few ulps), about
 * 10x faster than {@link Math#log10} on the JVMs this runs on (which compute it in software, ~35 ns a call):
 * the log-mel of one 30-s clip takes 165,000 of them. Zero, subnormal, negative, infinite and NaN inputs go to
 * {@link Math#log10} (a branch the hot path never takes, so it is always predicted).
 *
 * <p>Method: {@code x = 2^e * m} with {@code m} in {@code [1, 2)} read from the bits; the top 7 mantissa bits
 * pick {@code c = 1 + i/128} and a table holds {@code 1/c} (rounded) and {@code -log10} of that rounded value, so
 * {@code log10 m = log10(m/c) + log10 c} with {@code r = m/c - 1} in {@code [0, 2^-7)}. {@code log10(1 + r)} is
 * its Taylor series to {@code r^6} (truncation below {@code r^7/(7 ln 10) < 1.2e-16}). No division, no
 * data-dependent branch, so loops over many values unroll and overlap well. {@code log10(1) == 0} exactly.
 */
public final class FastLog10 {

    private static final int TABLE_BITS = 7;
    private static final int TABLE_SIZE = 1 << TABLE_BITS;
    private static final long MANTISSA_MASK = 0x000fffffffffffffL;
    private static final long ONE_BITS = 0x3ff0000000000000L;
    private static final long MIN_NORMAL_BITS = 0x0010000000000000L;
    private static final long INFINITY_BITS = 0x7ff0000000000000L;
    private static final double LOG10_2 = 0.30102999566398120;
    private static final double INV_LN10 = 0.4342944819032518;
    /** Taylor coefficients of log10(1 + r): (-1)^(k+1) / (k ln 10). */
    private static final double C1 = INV_LN10;
    private static final double C2 = -INV_LN10 / 2;
    private static final double C3 = INV_LN10 / 3;
    private static final double C4 = -INV_LN10 / 4;
    private static final double C5 = INV_LN10 / 5;
    private static final double C6 = -INV_LN10 / 6;
    /** {@code 1 / (1 + i/128)}, rounded to double. */
    private static final double[] INVERSE = new double[TABLE_SIZE];
    /** {@code -log10(INVERSE[i])} of the rounded value, so that the table pair is consistent. */
    private static final double[] MINUS_LOG10_INVERSE = new double[TABLE_SIZE];

    static {
        for (int i = 0; i < TABLE_SIZE; i++) {
            INVERSE[i] = 1.0 / (1.0 + (double) i / TABLE_SIZE);
            MINUS_LOG10_INVERSE[i] = -Math.log10(INVERSE[i]);
        }
    }

    private FastLog10() {
    }

    public static double log10(double x) {
        long bits = Double.doubleToRawLongBits(x);
        if (bits < MIN_NORMAL_BITS || bits >= INFINITY_BITS) { // sign bit set makes bits negative
            return Math.log10(x);
        }
        int exponent = (int) (bits >>> 52) - 1023;
        int index = (int) (bits >>> (52 - TABLE_BITS)) & (TABLE_SIZE - 1);
        double m = Double.longBitsToDouble((bits & MANTISSA_MASK) | ONE_BITS);
        double r = m * INVERSE[index] - 1.0;
        double series = r * (C1 + r * (C2 + r * (C3 + r * (C4 + r * (C5 + r * C6)))));
        return exponent * LOG10_2 + (MINUS_LOG10_INVERSE[index] + series);
    }
}
