package dev.audiopipeline.features.resample;

/**
 * Lane constants of the in-group FFT stages (spans 4, 2, 1 inside a group of 8 points, lane l = position), shared
 * by {@link VectorFftFilter} and {@link ScalarFftFilter}.
 */
final class GroupConstants {

    /** Partner lanes: {@code l ^ 4}, {@code l ^ 2}, {@code l ^ 1}. */
    static final int[] SWAP4 = {4, 5, 6, 7, 0, 1, 2, 3};
    static final int[] SWAP2 = {2, 3, 0, 1, 6, 7, 4, 5};
    static final int[] SWAP1 = {1, 0, 3, 2, 5, 4, 7, 6};
    /** +1 where the lane holds the butterfly's first input, -1 where it holds the second. */
    static final float[] SIGN4 = {1, 1, 1, 1, -1, -1, -1, -1};
    static final float[] SIGN2 = {1, 1, -1, -1, 1, 1, -1, -1};
    static final float[] SIGN1 = {1, -1, 1, -1, 1, -1, 1, -1};
    private static final float H = (float) Math.sqrt(0.5);
    /** Twiddles of the span-4 stage: 1 on lanes 0-3, {@code W_8^(l-4)} on lanes 4-7. */
    static final float[] T4R = {1, 1, 1, 1, 1, H, 0, -H};
    static final float[] T4I = {0, 0, 0, 0, 0, -H, -1, -H};
    /** Twiddles of the span-2 stage: {@code W_4^1 = -i} on lanes 3 and 7, 1 elsewhere. */
    static final float[] T2R = {1, 1, 1, 0, 1, 1, 1, 0};
    static final float[] T2I = {0, 0, 0, -1, 0, 0, 0, -1};

    /** Each of lanes 0-3 (4-7) twice: a half-size group's bins at their two full-size positions. */
    static final int[] DUP_LOW = {0, 0, 1, 1, 2, 2, 3, 3};
    static final int[] DUP_HIGH = {4, 4, 5, 5, 6, 6, 7, 7};
    /** The lanes holding a fold's sums (every 2nd, 4th, 8th) first; the rest is overwritten. */
    static final int[] COMPACT2 = {0, 2, 4, 6, 0, 2, 4, 6};
    static final int[] COMPACT4 = {0, 4, 0, 4, 0, 4, 0, 4};
    static final int[] COMPACT8 = {0, 0, 0, 0, 0, 0, 0, 0};

    private GroupConstants() {
    }
}
