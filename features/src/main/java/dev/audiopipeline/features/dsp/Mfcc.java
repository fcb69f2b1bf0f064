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

    /** Every frame: {@code logMel[t]} has {@code n_mels} values, {@code out[t]} receives {@code n_mfcc}. */
    public void apply(float[][] logMel, float[][] out) {
        double[] sum = new double[half];
        double[] difference = new double[half];
        for (int t = 0; t < logMel.length; t++) {
            frame(logMel[t], out[t], sum, difference);
        }
    }

    private void frame(float[] x, float[] out, double[] sum, double[] difference) {
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
        for (int k = 0; k < nMfcc; k++) {
            out[k] = (float) DotProduct.of(basis, k * half, k % 2 == 0 ? sum : difference, 0, half);
        }
    }
}
