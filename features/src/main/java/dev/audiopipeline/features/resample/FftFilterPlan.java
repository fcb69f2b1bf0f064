package dev.audiopipeline.features.resample;

import org.jtransforms.fft.DoubleFFT_1D;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * The tables of one circular convolution of {@code m} complex points with a fixed zero-phase filter: the twiddle
 * factors of an in-place radix-4 FFT and the filter's spectrum in the order that FFT leaves its output in.
 * Immutable and shared; {@link VectorFftFilter} and {@link ScalarFftFilter} run it.
 *
 * <p>The transform never reorders: the forward FFT is decimation in frequency (natural order in, bit-reversed
 * out), the inverse decimation in time (bit-reversed in, natural out), and the spectrum is multiplied in between
 * in bit-reversed order. Stages whose butterflies span 8 or more points run on whole vectors of 8 floats along
 * the span; the last three forward and first three inverse stages (spans 4, 2, 1) stay inside one group of 8
 * points and are fused with the multiplication into one pass. The filter is symmetric around index 0
 * ({@code h[t] = h[-t]}, stored circularly), so its spectrum is real and the multiplication is by a real number.
 *
 * <p>Two shortcuts halve one of the two transforms (soxr's, too):
 * <ul>
 *   <li><b>fold</b> {@code d} (2, 4, 8), when only every {@code d}-th output is kept: the product spectrum's bins
 *       {@code k + r m / d} ({@code r < d}) are summed and the inverse runs at size {@code m / d}, which gives
 *       exactly those outputs. In bit-reversed order the bins to sum are adjacent ({@code d} consecutive
 *       positions), so the fold is a sum of neighbouring lanes.</li>
 *   <li><b>unfold</b>, when the input is zero-stuffed (upsampling by 2: {@code u[2q] = x[q]}, {@code u[2q+1] = 0}):
 *       the spectrum of {@code u} is that of {@code x} (size {@code m / 2}) twice over, so the forward transform
 *       runs at size {@code m / 2} on {@code x} itself and each bin is copied to its two bit-reversed positions
 *       {@code 2P} and {@code 2P + 1}.</li>
 * </ul>
 */
final class FftFilterPlan {

    static {
        // JTransforms would otherwise start a thread pool for large transforms (as in JTransformsFft).
        ConcurrencyUtils.setNumberOfThreads(1);
    }

    /**
     * The twiddle tables of one transform size {@code n} (a power of two >= 8): the stages whose butterflies span 8
     * or more points; the three inside a group of 8 use {@link GroupConstants}.
     */
    static final class Stages {
        final int n;
        /** Whether the forward transform starts (and the inverse ends) with one radix-2 stage of span n/2. */
        final boolean radix2Outer;
        /** Spans {@code s} of the radix-4 stages (each works on blocks of 4s), forward order: largest first. */
        final int[] spans;
        /** Per radix-4 stage, at {@link #offsets}: {@code W^j, W^2j, W^3j} with {@code W = exp(-2 pi i / 4s)}. */
        final float[] w1r;
        final float[] w1i;
        final float[] w2r;
        final float[] w2i;
        final float[] w3r;
        final float[] w3i;
        final int[] offsets;
        /** {@code exp(-2 pi i j / n)}, j < n/2, for the radix-2 stage. */
        final float[] outerR;
        final float[] outerI;

        Stages(int n) {
            this.n = n;
            int levels = Integer.numberOfTrailingZeros(n) - 3;
            this.radix2Outer = (levels & 1) == 1;
            int stages = levels / 2;
            this.spans = new int[stages];
            this.offsets = new int[stages];
            int s = (radix2Outer ? n / 2 : n) / 4;
            int total = 0;
            for (int st = 0; st < stages; st++) {
                spans[st] = s;
                offsets[st] = total;
                total += s;
                s /= 4;
            }
            w1r = new float[total];
            w1i = new float[total];
            w2r = new float[total];
            w2i = new float[total];
            w3r = new float[total];
            w3i = new float[total];
            for (int st = 0; st < stages; st++) {
                int span = spans[st];
                for (int j = 0; j < span; j++) {
                    int at = offsets[st] + j;
                    double angle = -2 * Math.PI * j / (4.0 * span);
                    w1r[at] = (float) Math.cos(angle);
                    w1i[at] = (float) Math.sin(angle);
                    w2r[at] = (float) Math.cos(2 * angle);
                    w2i[at] = (float) Math.sin(2 * angle);
                    w3r[at] = (float) Math.cos(3 * angle);
                    w3i[at] = (float) Math.sin(3 * angle);
                }
            }
            outerR = new float[radix2Outer ? n / 2 : 0];
            outerI = new float[outerR.length];
            for (int j = 0; j < outerR.length; j++) {
                double angle = -2 * Math.PI * j / n;
                outerR[j] = (float) Math.cos(angle);
                outerI[j] = (float) Math.sin(angle);
            }
        }
    }

    final int m;
    /** Keep every {@code fold}-th output only (1: all), by summing bins and an inverse of size m / fold. */
    final int fold;
    /** The input is zero-stuffed (every odd point 0) and given as its m / 2 even points. */
    final boolean unfold;
    /** The forward transform's tables: size m, or m / 2 when unfolding. */
    final Stages forward;
    /** The inverse transform's tables: size m / fold. */
    final Stages inverse;
    /** The filter's spectrum divided by m, at storage position P (= bin bitreverse(P)). */
    final float[] spectrum;

    /** A plan that keeps every output of a full-size transform. */
    FftFilterPlan(int m, double[] filter) {
        this(m, filter, 1, false);
    }

    /**
     * @param m      the transform length, a power of two >= 16
     * @param filter the filter's taps {@code h[0..c]} for lags {@code 0..c} ({@code h[-t] = h[t]}), {@code 2c < m}
     * @param fold   1, 2, 4 or 8: only outputs {@code 0, fold, 2 fold, ...} are computed, at indices 0, 1, 2, ...
     * @param unfold the input is zero-stuffed: given as its {@code m / 2} even points (not with {@code fold > 1})
     */
    FftFilterPlan(int m, double[] filter, int fold, boolean unfold) {
        if (m < 16 || Integer.bitCount(m) != 1) {
            throw new IllegalArgumentException("FFT length must be a power of two >= 16, got " + m);
        }
        if (2 * (filter.length - 1) >= m) {
            throw new IllegalArgumentException("filter of " + (2 * filter.length - 1) + " taps does not fit " + m);
        }
        if (fold != 1 && fold != 2 && fold != 4 && fold != 8 || unfold && fold != 1) {
            throw new IllegalArgumentException("fold must be 1, 2, 4 or 8 (1 when unfolding), got " + fold);
        }
        this.m = m;
        this.fold = fold;
        this.unfold = unfold;
        Stages full = new Stages(m);
        this.forward = unfold ? new Stages(m / 2) : full;
        this.inverse = fold == 1 ? full : new Stages(m / fold);
        int log2m = Integer.numberOfTrailingZeros(m);
        // The spectrum of the circular, symmetric filter, in double, then scaled by 1/m for the inverse.
        double[] circular = new double[2 * m];
        for (int t = 0; t < filter.length; t++) {
            circular[2 * t] = filter[t];
            if (t > 0) {
                circular[2 * (m - t)] = filter[t];
            }
        }
        new DoubleFFT_1D(m).complexForward(circular);
        spectrum = new float[m];
        for (int p = 0; p < m; p++) {
            int bin = Integer.reverse(p) >>> (32 - log2m);
            spectrum[p] = (float) (circular[2 * bin] / m);
        }
    }
}
