package dev.audiopipeline.features.dsp;

/** The dot products of the mel filterbank and the MFCC DCT, kept in one place. */
final class DotProduct {

    private DotProduct() {
    }

    /**
     * {@code sum_i a[aFrom + i] * b[bFrom + i]} for {@code i < n}, with four independent sums (a single sum is
     * bound by the latency of the add chain); the summation order is fixed, so results are reproducible.
     */
    static double of(double[] a, int aFrom, double[] b, int bFrom, int n) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[aFrom + i] * b[bFrom + i];
            s1 += a[aFrom + i + 1] * b[bFrom + i + 1];
            s2 += a[aFrom + i + 2] * b[bFrom + i + 2];
            s3 += a[aFrom + i + 3] * b[bFrom + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[aFrom + i] * b[bFrom + i];
        }
        return (s0 + s1) + (s2 + s3);
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
