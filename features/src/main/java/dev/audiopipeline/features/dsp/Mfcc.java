package dev.audiopipeline.features.dsp;

/**
 * MFCC from log-mel, as {@code librosa.feature.mfcc(S=log_mel, n_mfcc, dct_type=2, norm='ortho', lifter)}:
 * the first {@code n_mfcc} rows of the orthonormal DCT-II over the mel axis, optionally liftered by
 * {@code 1 + (lifter/2) sin(pi (k+1) / lifter)}. The (already liftered) DCT basis is precomputed once.
 *
 * <p>DCT-II rows are symmetric ({@code k} even) or antisymmetric ({@code k} odd) about the middle of the mel
 * axis, so each frame is folded once into {@code x[m] + x[n-1-m]} and {@code x[m] - x[n-1-m]} and every row is
 * a dot product over half the axis: half the multiply-adds of the plain product.
 */
public final class Mfcc {

    private final int nMfcc;
    private final int nMels;
    /** {@code ceil(n_mels / 2)}: the folded length (the middle mel band of an odd count stands alone). */
    private final int half;
    /** The first {@code half} entries of each basis row, flattened: {@code basis[k * half + m]}. */
    private final double[] basis;

    public Mfcc(int nMfcc, int nMels, double lifter) {
        if (nMfcc <= 0 || nMfcc > nMels) {
            throw new IllegalArgumentException("n_mfcc must be in [1, n_mels=" + nMels + "], got " + nMfcc);
        }
        if (!(lifter >= 0)) {
            throw new IllegalArgumentException("lifter must be >= 0, got " + lifter);
        }
        this.nMfcc = nMfcc;
        this.nMels = nMels;
        this.half = (nMels + 1) / 2;
        this.basis = new double[nMfcc * half];
        for (int k = 0; k < nMfcc; k++) {
            double scale = Math.sqrt((k == 0 ? 1.0 : 2.0) / nMels);
            if (lifter > 0) {
                scale *= 1.0 + (lifter / 2.0) * Math.sin(Math.PI * (k + 1) / lifter);
            }
            for (int m = 0; m < half; m++) {
                basis[k * half + m] = scale * Math.cos(Math.PI * k * (2 * m + 1) / (2.0 * nMels));
            }
        }
    }

    public int nMfcc() {
        return nMfcc;
    }

    /**
     * Every frame: {@code logMel[t]} has {@code n_mels} values, {@code out[t]} receives {@code n_mfcc}. Frames go
     * four at a time (each basis value loaded once for the four, four independent sums), the last few one by
     * one with the same sums, so a frame's coefficients do not depend on where it falls.
     */
    public void apply(float[][] logMel, float[][] out) {
        double[][] sum = new double[4][half];
        double[][] difference = new double[4][half];
        double[] coefficient = new double[4];
        int t = 0;
        for (; t + 3 < logMel.length; t += 4) {
            for (int j = 0; j < 4; j++) {
                fold(logMel[t + j], sum[j], difference[j]);
            }
            for (int k = 0; k < nMfcc; k++) {
                double[][] v = k % 2 == 0 ? sum : difference;
                DotProduct.ofFour(basis, k * half, v[0], v[1], v[2], v[3], 0, half, coefficient);
                for (int j = 0; j < 4; j++) {
                    out[t + j][k] = (float) coefficient[j];
                }
            }
        }
        for (; t < logMel.length; t++) {
            fold(logMel[t], sum[0], difference[0]);
            for (int k = 0; k < nMfcc; k++) {
                out[t][k] = (float) DotProduct.of(basis, k * half, k % 2 == 0 ? sum[0] : difference[0], 0, half);
            }
        }
    }

    /** {@code x[m] + x[n-1-m]} and {@code x[m] - x[n-1-m]}: even DCT rows are symmetric, odd ones antisymmetric. */
    private void fold(float[] x, double[] sum, double[] difference) {
        for (int m = 0; m < nMels / 2; m++) {
            double a = x[m];
            double b = x[nMels - 1 - m];
            sum[m] = a + b;
            difference[m] = a - b;
        }
        if (nMels % 2 == 1) {
            sum[half - 1] = x[half - 1]; // odd rows vanish at the middle band: cos(pi k / 2) = 0
            difference[half - 1] = 0.0;
        }
    }
}
