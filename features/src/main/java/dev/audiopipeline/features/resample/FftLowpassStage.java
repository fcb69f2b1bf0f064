package dev.audiopipeline.features.resample;

import java.util.Arrays;

/**
 * The first stage of {@link FftResampler}: the sharp, linear-phase low-pass (hundreds of taps) as an FFT
 * convolution, optionally upsampling by 2 before it and keeping every {@code decimation}-th sample after it.
 *
 * <p>Signals: input {@code x[n]}; {@code u} is x at {@code upsampling * inRate} ({@code u[2n] = x[n]}, zeros
 * between, when upsampling); {@code v[i] = sum_t h[t] u[i - t]} for {@code |t| <= c} with the symmetric filter
 * {@code h} (gain {@code upsampling} to make up for the zeros); the output is {@code a[j] = v[decimation * j]}. No
 * delay: {@code a[j]} is the filtered signal at input time {@code j * decimation / upsampling}.
 *
 * <p>The output starts at {@code a[first]}, {@code first <= 0}: a following polyphase stage needs the filtered
 * signal's start (its pre-ringing) before index 0 too. Overlap-save in blocks at fixed positions: with
 * {@code i0 = first * decimation}, block {@code b} is {@code u[i0 + bH - c .. i0 + bH - c + m)} with
 * {@code H = m - 2c}, and its circular convolution is exact for {@code v[i0 + bH .. i0 + bH + H)}. Two blocks run as the
 * real and imaginary parts of one complex FFT ({@link FftFilterPlan}): the filter is real, so they do not mix.
 * Blocks sit at the same positions whatever the input's chunking, so the output does too.
 */
final class FftLowpassStage implements ResamplerEngine {

    private final FftFilterPlan plan;
    private final int upsampling;
    private final int decimation;
    private final int c;
    private final int m;
    private final int hop;
    /** {@code i0}: the u index of block 0's first exact output. */
    private final long origin;

    /** {@code xs[0 .. xLength)} are input samples {@code xStart ..}; indices below 0 are zeros. */
    private final float[] xs;
    private long xStart;
    private int xLength;
    private long pair;
    private final float[] re;
    private final float[] im;
    private final float[] out;
    private long produced;

    /**
     * @param plan       the FFT tables of the filter ({@code h[0..c]} was given as its taps)
     * @param c          the filter's half length, a multiple of {@code max(2, decimation)}
     * @param upsampling 1 or 2
     * @param decimation a power of two, the plan's fold
     * @param first      the first output's index, {@code <= 0}; {@code first * decimation} even when upsampling
     */
    FftLowpassStage(FftFilterPlan plan, int c, int upsampling, int decimation, int first) {
        if (plan.fold != decimation || plan.unfold != (upsampling == 2)) {
            throw new IllegalArgumentException("plan (fold " + plan.fold + ", unfold " + plan.unfold
                    + ") does not match decimation " + decimation + ", upsampling " + upsampling);
        }
        this.plan = plan;
        this.c = c;
        this.m = plan.m;
        this.upsampling = upsampling;
        this.decimation = decimation;
        this.hop = m - 2 * c;
        this.origin = (long) first * decimation;
        this.xs = new float[(hop + m) / upsampling];
        this.re = new float[m];
        this.im = new float[m];
        this.out = new float[2 * hop / decimation];
        // Pair 0 starts at u index i0 - c, before the signal: zeros up to input index 0.
        this.xStart = blockStart(0);
        this.xLength = (int) -xStart;
    }

    /** Input index of block {@code b}'s first sample (exact: {@code i0 - c} is even when upsampling). */
    private long blockStart(long b) {
        return (origin + b * hop - c) / upsampling;
    }

    @Override
    public void process(float[] samples, int offset, int length, SampleSink sink) {
        int pos = offset;
        int end = offset + length;
        while (pos < end) {
            int need = (int) (blockStart(2 * pair + 1) + m / upsampling - xStart) - xLength;
            int n = Math.min(need, end - pos);
            System.arraycopy(samples, pos, xs, xLength, n);
            xLength += n;
            pos += n;
            if (n == need) {
                computePair(Long.MAX_VALUE, sink);
            }
        }
    }

    @Override
    /** Emits outputs until {@code outputLength} of them (counted from {@code a[first]}) have been emitted. */
    public void finish(long outputLength, SampleSink sink) {
        while (produced < outputLength) {
            int need = (int) (blockStart(2 * pair + 1) + m / upsampling - xStart) - xLength;
            Arrays.fill(xs, xLength, xLength + need, 0f);
            xLength += need;
            computePair(outputLength, sink);
        }
    }

    private void computePair(long limit, SampleSink sink) {
        load(re, (int) (blockStart(2 * pair) - xStart));
        load(im, (int) (blockStart(2 * pair + 1) - xStart));
        VectorSupport.filter(plan, re, im);
        int n;
        // The plan computed only every decimation-th point, at index point / decimation.
        int perBlock = hop / decimation;
        int first = c / decimation;
        System.arraycopy(re, first, out, 0, perBlock);
        System.arraycopy(im, first, out, perBlock, perBlock);
        n = 2 * perBlock;
        int emit = (int) Math.min(n, limit - produced);
        if (emit > 0) {
            sink.accept(out, 0, emit);
            produced += emit;
        }
        pair++;
        int drop = (int) (blockStart(2 * pair) - xStart);
        System.arraycopy(xs, drop, xs, 0, xLength - drop);
        xLength -= drop;
        xStart += drop;
    }

    /** The block's input: m points, or when upsampling the m / 2 samples the plan's unfold takes for 2m. */
    private void load(float[] block, int from) {
        System.arraycopy(xs, from, block, 0, m / upsampling);
    }
}
