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
 */
final class FftFilterPlan {

    static {
        // JTransforms would otherwise start a thread pool for large transforms (as in JTransformsFft).
        ConcurrencyUtils.setNumberOfThreads(1);
    }

    final int m;
    final int log2m;
    /** Whether the forward transform starts (and the inverse ends) with one radix-2 stage of span m/2. */
    final boolean radix2Outer;
    /** Spans {@code s} of the radix-4 stages (each works on blocks of 4s), forward order: largest first. */
    final int[] spans;
    /** Per radix-4 stage, at {@link #offsets}: {@code W^j, W^2j, W^3j} with {@code W = exp(-2 pi i / 4s)}, j < s. */
    final float[] w1r;
    final float[] w1i;
    final float[] w2r;
    final float[] w2i;
    final float[] w3r;
    final float[] w3i;
    final int[] offsets;
    /** {@code exp(-2 pi i j / m)}, j < m/2, for the radix-2 stage. */
    final float[] outerR;
    final float[] outerI;
    /** The filter's spectrum divided by m, at storage position P (= bin bitreverse(P)). */
    final float[] spectrum;

    /**
     * @param m      the transform length, a power of two >= 16
     * @param filter the filter's taps {@code h[0..c]} for lags {@code 0..c} ({@code h[-t] = h[t]}), {@code 2c < m}
     */
    FftFilterPlan(int m, double[] filter) {
        if (m < 16 || Integer.bitCount(m) != 1) {
            throw new IllegalArgumentException("FFT length must be a power of two >= 16, got " + m);
        }
        if (2 * (filter.length - 1) >= m) {
            throw new IllegalArgumentException("filter of " + (2 * filter.length - 1) + " taps does not fit " + m);
        }
        this.m = m;
        this.log2m = Integer.numberOfTrailingZeros(m);
        int levels = log2m - 3;
        this.radix2Outer = (levels & 1) == 1;
        int stages = levels / 2;
        this.spans = new int[stages];
        this.offsets = new int[stages];
        int s = (radix2Outer ? m / 2 : m) / 4;
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
        outerR = new float[radix2Outer ? m / 2 : 0];
        outerI = new float[outerR.length];
        for (int j = 0; j < outerR.length; j++) {
            double angle = -2 * Math.PI * j / m;
            outerR[j] = (float) Math.cos(angle);
            outerI[j] = (float) Math.sin(angle);
        }
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
