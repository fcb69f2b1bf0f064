package dev.audiopipeline.features.resample;

import dev.audiopipeline.features.dsp.FrameFft;

/**
 * Whether the resampler's Vector API kernels ({@link VectorFftFilter}, {@link VectorDot}) run, or their scalar
 * twins ({@link ScalarFftFilter}, {@link ScalarDot}), which compute the same bits more slowly: the Vector API is
 * used where the feature kernel's FFT uses it ({@link FrameFft#vectorApiUsable()}: the JVM has
 * {@code --add-modules jdk.incubator.vector} and 256-bit vectors).
 */
final class VectorSupport {

    static final boolean ENABLED = FrameFft.vectorApiUsable();

    private VectorSupport() {
    }

    /** The circular convolution of {@code re + i im} with the plan's filter, in place. */
    static void filter(FftFilterPlan plan, float[] re, float[] im) {
        if (ENABLED) {
            VectorFftFilter.filter(plan, re, im);
        } else {
            ScalarFftFilter.filter(plan, re, im);
        }
    }

    /** {@link VectorDot#dots} on the chosen kernel. */
    static void dots(float[] c, int[] rows, float[] x, int[] starts, int count, int taps, float[] out, int at,
                     float[] lanes) {
        if (ENABLED) {
            VectorDot.dots(c, rows, x, starts, count, taps, out, at, lanes);
        } else {
            ScalarDot.dots(c, rows, x, starts, count, taps, out, at, lanes);
        }
    }

    /** {@link VectorDot#groups} on the chosen kernel. */
    static void groups(PolyphaseGroups g, float[] x, int start, int phase, int groups, float[] out, int at) {
        if (ENABLED) {
            VectorDot.groups(g, x, start, phase, groups, out, at);
        } else {
            ScalarDot.groups(g, x, start, phase, groups, out, at);
        }
    }
}
