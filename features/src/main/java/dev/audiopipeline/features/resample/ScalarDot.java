package dev.audiopipeline.features.resample;

/**
 * The float dot products of the polyphase stage, in a fixed order that 8-lane vectors compute fast: lane
 * {@code l} sums the products of taps {@code l, l + 8, l + 16, ...} (fused multiply-adds from 0; {@link VectorDot} computes the same lanes, four
 * products at a time), then
 * {@link #sumLanes} adds the lanes as {@code ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7))}.
 */
final class ScalarDot {

    private ScalarDot() {
    }

    /** {@link VectorDot#dots} without the Vector API: the same lanes and sums. */
    static void dots(float[] c, int[] rows, float[] x, int[] starts, int count, int taps, float[] out, int at,
                     float[] lanes) {
        for (int k = 0; k < count; k++) {
            for (int l = 0; l < 8; l++) {
                float acc = 0f;
                for (int i = l; i < taps; i += 8) {
                    acc = Math.fma(c[rows[k] + i], x[starts[k] + i], acc);
                }
                lanes[l] = acc;
            }
            out[at + k] = sumLanes(lanes, 0);
        }
    }

    /** {@link VectorDot#groups} without the Vector API: the same products and sums, lane by lane. */
    static void groups(PolyphaseGroups g, float[] x, int start, int phase, int groups, float[] out, int at) {
        float[] table = g.table;
        int width = g.width;
        for (int n = 0; n < groups; n++) {
            int base = phase * width * PolyphaseGroups.LANES;
            for (int k = 0; k < PolyphaseGroups.LANES; k++) {
                float even = 0f;
                float odd = 0f;
                for (int w = 0; w < width; w += 2) {
                    even = Math.fma(table[base + w * 8 + k], x[start + w], even);
                    odd = Math.fma(table[base + w * 8 + 8 + k], x[start + w + 1], odd);
                }
                out[at + 8 * n + k] = even + odd;
            }
            start += g.advance[phase];
            phase = g.nextPhase[phase];
        }
    }

    /** The dot product whose lane sums are {@code lanes[at .. at + 8)}. */
    static float sumLanes(float[] lanes, int at) {
        return ((lanes[at] + lanes[at + 1]) + (lanes[at + 2] + lanes[at + 3]))
                + ((lanes[at + 4] + lanes[at + 5]) + (lanes[at + 6] + lanes[at + 7]));
    }
}
