package dev.audiopipeline.features.dsp;

/** The dot products of the mel filterbank and the MFCC DCT, kept in one place. */
final class DotProduct {

    private DotProduct() {
    }

    /**
     * {@code sum_i a[aFrom + i] * b[bFrom + i]} for {@code i < n}, summed in index order: the same sum, bit for
     * bit, as each of {@link #ofFour}'s, so a frame's result does not depend on whether it went alone or in a
     * block of four. Used for the few frames left over after the blocks.
     */
    static double of(double[] a, int aFrom, double[] b, int bFrom, int n) {
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            sum += a[aFrom + i] * b[bFrom + i];
        }
        return sum;
    }

    /**
     * Four dot products sharing {@code a}: {@code out[j] = sum_i a[aFrom + i] * bj[bFrom + i]}, each summed in
     * index order. Each {@code a} value is loaded once for the four, and the four sums are independent chains,
     * which is what makes short products over several frames cheap.
     */
    static void ofFour(double[] a, int aFrom, double[] b0, double[] b1, double[] b2, double[] b3, int bFrom, int n,
                       double[] out) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        for (int i = 0; i < n; i++) {
            double w = a[aFrom + i];
            s0 += w * b0[bFrom + i];
            s1 += w * b1[bFrom + i];
            s2 += w * b2[bFrom + i];
            s3 += w * b3[bFrom + i];
        }
        out[0] = s0;
        out[1] = s1;
        out[2] = s2;
        out[3] = s3;
    }
}
