package dev.audiopipeline.features.resample;

/**
 * The Kaiser window {@code w(x) = I0(beta * sqrt(1 - x^2)) / I0(beta)} on {@code x in [-1, 1]}, plus Kaiser's
 * design formulas that turn a stop-band attenuation and a transition width into {@code beta} and a filter length.
 *
 * <p>Immutable and thread-safe. The formulas are the classic ones (Kaiser 1974, as in Oppenheim &amp; Schafer and
 * {@code scipy.signal.kaiserord}); they are estimates, so the resampler's real rejection is measured by the tests,
 * not assumed.
 */
public final class KaiserWindow {

    private final double beta;
    private final double i0OfBeta;

    /**
     * @param beta the shape parameter, {@code >= 0} (0 is a rectangular window)
     * @throws IllegalArgumentException if {@code beta} is negative or not finite
     */
    public KaiserWindow(double beta) {
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("Kaiser beta must be finite and >= 0, got " + beta);
        }
        this.beta = beta;
        this.i0OfBeta = besselI0(beta);
    }

    /** A window whose side lobes stay {@code attenuationDb} below the main lobe. */
    public static KaiserWindow forAttenuation(double attenuationDb) {
        return new KaiserWindow(betaForAttenuation(attenuationDb));
    }

    /** Kaiser's empirical {@code beta} for a stop-band attenuation in dB (positive number). */
    public static double betaForAttenuation(double attenuationDb) {
        if (!(attenuationDb > 0) || Double.isInfinite(attenuationDb)) {
            throw new IllegalArgumentException("attenuationDb must be finite and > 0, got " + attenuationDb);
        }
        if (attenuationDb > 50) {
            return 0.1102 * (attenuationDb - 8.7);
        }
        if (attenuationDb > 21) {
            double a = attenuationDb - 21;
            return 0.5842 * Math.pow(a, 0.4) + 0.07886 * a;
        }
        return 0;
    }

    /**
     * Kaiser's estimate of the number of taps (span in samples) a windowed-sinc low-pass needs.
     *
     * @param attenuationDb     stop-band attenuation in dB
     * @param transitionWidth   width of the transition band in cycles per sample (0 &lt; width &lt; 0.5)
     * @return the filter span in samples, not rounded
     */
    public static double lengthFor(double attenuationDb, double transitionWidth) {
        if (!(transitionWidth > 0 && transitionWidth < 0.5)) {
            throw new IllegalArgumentException("transitionWidth must be in (0, 0.5) cycles/sample, got " + transitionWidth);
        }
        return (attenuationDb - 7.95) / (2.285 * 2 * Math.PI * transitionWidth) + 1;
    }

    public double beta() {
        return beta;
    }

    /** The window at {@code x}, where {@code x = -1} and {@code x = 1} are its ends; 0 outside them. */
    public double at(double x) {
        double r = 1 - x * x;
        if (r < 0) {
            return 0;
        }
        return besselI0(beta * Math.sqrt(r)) / i0OfBeta;
    }

    /** Modified Bessel function of the first kind, order 0, by its power series (converges for all x). */
    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double halfX = x / 2;
        for (int k = 1; k < 500; k++) {
            double f = halfX / k;
            term *= f * f;
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }
}
