package dev.audiopipeline.features.dsp;

/**
 * MFCC from log-mel, as {@code librosa.feature.mfcc(S=log_mel, n_mfcc, dct_type=2, norm='ortho', lifter)}:
 * the first {@code n_mfcc} rows of the orthonormal DCT-II over the mel axis, optionally liftered by
 * {@code 1 + (lifter/2) sin(pi (k+1) / lifter)}. The (already liftered) DCT basis is precomputed once.
 */
public final class Mfcc {

    private final int nMfcc;
    private final int nMels;
    /** {@code basis[k][m]}, row-major, flattened: {@code basis[k * nMels + m]}. */
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
        this.basis = new double[nMfcc * nMels];
        for (int k = 0; k < nMfcc; k++) {
            double scale = Math.sqrt((k == 0 ? 1.0 : 2.0) / nMels);
            if (lifter > 0) {
                scale *= 1.0 + (lifter / 2.0) * Math.sin(Math.PI * (k + 1) / lifter);
            }
            for (int m = 0; m < nMels; m++) {
                basis[k * nMels + m] = scale * Math.cos(Math.PI * k * (2 * m + 1) / (2.0 * nMels));
            }
        }
    }

    public int nMfcc() {
        return nMfcc;
    }

    /** One frame: {@code logMel} has {@code n_mels} values, {@code out} receives {@code n_mfcc}. */
    public void apply(float[] logMel, float[] out) {
        for (int k = 0; k < nMfcc; k++) {
            int base = k * nMels;
            // Four independent sums: the dot product is add-latency bound otherwise.
            double s0 = 0.0;
            double s1 = 0.0;
            double s2 = 0.0;
            double s3 = 0.0;
            int m = 0;
            for (; m + 3 < nMels; m += 4) {
                s0 += basis[base + m] * logMel[m];
                s1 += basis[base + m + 1] * logMel[m + 1];
                s2 += basis[base + m + 2] * logMel[m + 2];
                s3 += basis[base + m + 3] * logMel[m + 3];
            }
            for (; m < nMels; m++) {
                s0 += basis[base + m] * logMel[m];
            }
            out[k] = (float) ((s0 + s1) + (s2 + s3));
        }
    }
}
