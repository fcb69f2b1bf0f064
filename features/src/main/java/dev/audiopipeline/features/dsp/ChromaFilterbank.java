package dev.audiopipeline.features.dsp;

/**
 * The chroma filterbank of {@code librosa.filters.chroma(sr, n_fft, n_chroma, tuning, ctroct=5.0, octwidth=2,
 * norm=2, base_c=True)}: Gaussian bumps over each FFT bin's pitch class, each bin's column L2-normalised, weighted
 * by a Gaussian over octaves centred on octave 5, rows rotated so that row 0 is C. Weights are float32 as in
 * librosa. Applying it is dense ({@code n_chroma x bins}); it is only built and applied when chroma is requested.
 */
public final class ChromaFilterbank {

    private final int nChroma;
    private final float[][] weights;

    private ChromaFilterbank(int nChroma, float[][] weights) {
        this.nChroma = nChroma;
        this.weights = weights;
    }

    public static ChromaFilterbank create(int sampleRate, int nFft, int nChroma, double tuning) {
        final double ctroct = 5.0;
        final double octwidth = 2.0;
        // Bin pitch in chroma bins; bin 0 (DC) is made up as 1.5 octaves below bin 1, as librosa does.
        double[] frqbins = new double[nFft];
        double a440 = 440.0 * Math.pow(2.0, tuning / nChroma);
        for (int i = 1; i < nFft; i++) {
            double frequency = (double) sampleRate * i / nFft; // numpy.linspace(0, sr, n_fft, endpoint=False)
            frqbins[i] = nChroma * log2(frequency / (a440 / 16.0));
        }
        frqbins[0] = frqbins[1] - 1.5 * nChroma;
        double[] binWidth = new double[nFft];
        for (int i = 0; i < nFft - 1; i++) {
            binWidth[i] = Math.max(frqbins[i + 1] - frqbins[i], 1.0);
        }
        binWidth[nFft - 1] = 1.0;

        double half = Math.rint(nChroma / 2.0); // numpy.round: half to even
        double[][] wts = new double[nChroma][nFft];
        for (int i = 0; i < nFft; i++) {
            double columnNorm = 0.0;
            for (int c = 0; c < nChroma; c++) {
                double d = frqbins[i] - c;
                d = floorMod(d + half + 10.0 * nChroma, nChroma) - half;
                double z = 2.0 * d / binWidth[i];
                wts[c][i] = Math.exp(-0.5 * z * z);
                columnNorm += wts[c][i] * wts[c][i];
            }
            columnNorm = Math.sqrt(columnNorm);
            double octaveWeight = Math.exp(-0.5 * Math.pow((frqbins[i] / nChroma - ctroct) / octwidth, 2));
            for (int c = 0; c < nChroma; c++) {
                if (columnNorm >= Double.MIN_NORMAL) {
                    wts[c][i] /= columnNorm;
                }
                wts[c][i] *= octaveWeight;
            }
        }
        int shift = 3 * (nChroma / 12); // base_c: roll rows so that row 0 is C instead of A
        int nBins = 1 + nFft / 2;
        float[][] weights = new float[nChroma][nBins];
        for (int c = 0; c < nChroma; c++) {
            int source = Math.floorMod(c + shift, nChroma);
            for (int i = 0; i < nBins; i++) {
                weights[c][i] = (float) wts[source][i];
            }
        }
        return new ChromaFilterbank(nChroma, weights);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2.0);
    }

    /** numpy.remainder for a positive divisor: result in [0, divisor). */
    private static double floorMod(double x, double divisor) {
        double r = x % divisor;
        return r < 0 ? r + divisor : r;
    }

    public int nChroma() {
        return nChroma;
    }

    /** The dense {@code (n_chroma, 1 + n_fft/2)} weights, librosa's orientation. */
    public float[][] toDense() {
        float[][] copy = new float[nChroma][];
        for (int c = 0; c < nChroma; c++) {
            copy[c] = weights[c].clone();
        }
        return copy;
    }

    /**
     * One frame of {@code librosa.feature.chroma_stft}: projects the power spectrum and normalises the frame by
     * its maximum (norm=inf); an all-zero frame stays zero.
     */
    public void apply(double[] powerSpectrum, float[] out) {
        float max = 0f;
        for (int c = 0; c < nChroma; c++) {
            float[] w = weights[c];
            double sum = 0.0;
            for (int i = 0; i < w.length; i++) {
                sum += w[i] * powerSpectrum[i];
            }
            out[c] = (float) sum;
            max = Math.max(max, Math.abs(out[c]));
        }
        // Like librosa, normalise the float32 values by their float32 maximum: the peak becomes exactly 1.
        if (max >= Float.MIN_NORMAL) {
            for (int c = 0; c < nChroma; c++) {
                out[c] = out[c] / max;
            }
        }
    }
}
