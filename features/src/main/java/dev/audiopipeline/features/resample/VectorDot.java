package dev.audiopipeline.features.resample;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ScalarDot#dots} on the Vector API, the same operations in the same order. No lane
 * permutations: on JDK 17 {@code rearrange} in a small method is not reliably intrinsified (measured ~40 ns a
 * call when it falls back), so the lanes are added in scalar code ({@link ScalarDot#sumLanes}).
 */
final class VectorDot {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;

    private VectorDot() {
    }

    /**
     * {@code count} (a multiple of 4) dot products, row {@code rows[k]} with {@code x[starts[k] ..]}, summed as
     * {@link ScalarDot#sumLanes} into {@code out[at + k]}, four at a time (the four products interleaved). Every
     * load is inside the loop: C2 inlines the load intrinsic only at call sites it finds hot, and on JDK 17 it
     * found those before a loop cold (the Java fallback then ran, ~5x slower).
     */
    static void dots(float[] c, int[] rows, float[] x, int[] starts, int count, int taps, float[] out, int at,
                     float[] lanes) {
        for (int k = 0; k < count; k += 4) {
            int r0 = rows[k];
            int r1 = rows[k + 1];
            int r2 = rows[k + 2];
            int r3 = rows[k + 3];
            int s0 = starts[k];
            int s1 = starts[k + 1];
            int s2 = starts[k + 2];
            int s3 = starts[k + 3];
            FloatVector a0 = FloatVector.zero(S);
            FloatVector a1 = a0;
            FloatVector a2 = a0;
            FloatVector a3 = a0;
            for (int i = 0; i < taps; i += 8) {
                a0 = FloatVector.fromArray(S, c, r0 + i).fma(FloatVector.fromArray(S, x, s0 + i), a0);
                a1 = FloatVector.fromArray(S, c, r1 + i).fma(FloatVector.fromArray(S, x, s1 + i), a1);
                a2 = FloatVector.fromArray(S, c, r2 + i).fma(FloatVector.fromArray(S, x, s2 + i), a2);
                a3 = FloatVector.fromArray(S, c, r3 + i).fma(FloatVector.fromArray(S, x, s3 + i), a3);
            }
            a0.intoArray(lanes, 0);
            a1.intoArray(lanes, 8);
            a2.intoArray(lanes, 16);
            a3.intoArray(lanes, 24);
            out[at + k] = ScalarDot.sumLanes(lanes, 0);
            out[at + k + 1] = ScalarDot.sumLanes(lanes, 8);
            out[at + k + 2] = ScalarDot.sumLanes(lanes, 16);
            out[at + k + 3] = ScalarDot.sumLanes(lanes, 24);
        }
    }

    /**
     * {@code groups} groups of 8 consecutive outputs ({@link PolyphaseGroups}), the first with phase {@code phase}
     * and window {@code x[start ..]}, into {@code out[at ..]}. Returns nothing: the caller's stream advances itself.
     */
    static void groups(PolyphaseGroups g, float[] x, int start, int phase, int groups, float[] out, int at) {
        float[] table = g.table;
        int width = g.width;
        for (int n = 0; n < groups; n++) {
            int base = phase * width * PolyphaseGroups.LANES;
            FloatVector even = FloatVector.zero(S);
            FloatVector odd = even;
            for (int w = 0; w < width; w += 2) {
                even = FloatVector.fromArray(S, table, base + w * 8).fma(FloatVector.broadcast(S, x[start + w]), even);
                odd = FloatVector.fromArray(S, table, base + w * 8 + 8)
                        .fma(FloatVector.broadcast(S, x[start + w + 1]), odd);
            }
            even.add(odd).intoArray(out, at + 8 * n);
            start += g.advance[phase];
            phase = g.nextPhase[phase];
        }
    }
}
