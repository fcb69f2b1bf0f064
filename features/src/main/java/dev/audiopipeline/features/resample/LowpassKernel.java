package dev.audiopipeline.features.resample;

/**
 * The continuous-time anti-aliasing/interpolation kernel of the resampler: a Kaiser-windowed sinc
 * {@code h(t) = 2 fc sinc(2 fc t) w(t / halfWidth)}, with {@code t} in input samples and {@code fc} the cutoff in
 * cycles per input sample.
 *
 * <p>The kernel is symmetric around 0, so a filter that evaluates it at {@code (outputTime - inputIndex)} has no
 * group delay: output sample {@code j} is the band-limited signal at input time {@code j * inRate / outRate}.
 * Its DC gain ({@code sum over k of h(t - k)}) is 1 to within the stop-band ripple, for any fractional {@code t}.
 * Immutable and thread-safe.
 */
public final class LowpassKernel {

    private final double cutoff;
    private final double halfWidth;
    private final KaiserWindow window;

    /**
     * @param cutoff    the -6 dB cutoff in cycles per input sample, in (0, 0.5]
     * @param halfWidth half the kernel span in input samples ({@code h} is 0 for {@code |t| >= halfWidth})
     * @param window    the window applied over {@code [-halfWidth, halfWidth]}
     */
    public LowpassKernel(double cutoff, double halfWidth, KaiserWindow window) {
        if (!(cutoff > 0 && cutoff <= 0.5)) {
            throw new IllegalArgumentException("cutoff must be in (0, 0.5] cycles/sample, got " + cutoff);
        }
        if (!(halfWidth >= 1) || Double.isInfinite(halfWidth)) {
            throw new IllegalArgumentException("halfWidth must be finite and >= 1 sample, got " + halfWidth);
        }
        this.cutoff = cutoff;
        this.halfWidth = halfWidth;
        this.window = window;
    }

    public double cutoff() {
        return cutoff;
    }

    public double halfWidth() {
        return halfWidth;
    }

    /** The kernel value at {@code t} input samples from its centre. */
    public double at(double t) {
        if (Math.abs(t) >= halfWidth) {
            return 0;
        }
        double x = 2 * cutoff * t;
        double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
        return 2 * cutoff * sinc * window.at(t / halfWidth);
    }
}
