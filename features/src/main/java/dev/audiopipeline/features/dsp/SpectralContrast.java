package dev.audiopipeline.features.dsp;

import java.util.Arrays;

/**
 * Spectral contrast of the MAGNITUDE spectrogram, as {@code librosa.feature.spectral_contrast(S=|X|, sr, fmin,
 * n_bands, quantile, linear)} in librosa 0.11.
 *
 * <p>Octave band edges are {@code [0, fmin, 2 fmin, ..., fmin 2^n_bands]}. Band {@code k} takes the bins with
 * {@code f_low <= f <= f_high}, plus the bin just below {@code f_low} for {@code k > 0}, and everything up to
 * Nyquist for the last band; then bands other than the last drop their top bin. Per frame and band, the valley
 * is the mean of the {@code q} smallest magnitudes and the peak the mean of the {@code q} largest, where
 * {@code q = max(1, rint(quantile * n))} and {@code n} counts the band's bins BEFORE the top bin is dropped
 * (librosa's arithmetic; rint rounds half to even). The k smallest/largest are found by selection, not a sort.
 * The result is {@code power_to_db(peak) - power_to_db(valley)} with power_to_db's defaults (ref 1, amin 1e-10,
 * top_db 80), each over the whole {@code (frames, n_bands+1)} array, or {@code peak - valley} when linear.
 */
public final class SpectralContrast {

    /** librosa calls {@code power_to_db(peak)} with its defaults, not the mel settings. */
    private static final PowerToDb DEFAULT_POWER_TO_DB = new PowerToDb(1.0, 1e-10, 80.0);

    private final int[] bandStart;
    private final int[] bandLength;
    private final int[] quantileCount;
    private final boolean linear;

    private SpectralContrast(int[] bandStart, int[] bandLength, int[] quantileCount, boolean linear) {
        this.bandStart = bandStart;
        this.bandLength = bandLength;
        this.quantileCount = quantileCount;
        this.linear = linear;
    }

    /**
     * @throws IllegalArgumentException with librosa's message "Frequency band exceeds Nyquist. Reduce either fmin
     *     or n_bands." when a band's lower edge is at or above sr/2, or when a band holds no FFT bin at this n_fft
     */
    public static SpectralContrast create(int sampleRate, int nFft, double fmin, int nBands, double quantile,
                                          boolean linear) {
        if (!(fmin > 0)) {
            throw new IllegalArgumentException("contrast fmin must be a positive number, got " + fmin);
        }
        if (nBands < 1) {
            throw new IllegalArgumentException("contrast n_bands must be a positive integer, got " + nBands);
        }
        if (!(quantile > 0 && quantile < 1)) {
            throw new IllegalArgumentException("contrast quantile must lie in the range (0, 1), got " + quantile);
        }
        double[] edges = new double[nBands + 2];
        for (int i = 1; i < edges.length; i++) {
            edges[i] = fmin * Math.pow(2.0, i - 1);
        }
        for (int i = 0; i < edges.length - 1; i++) {
            if (edges[i] >= 0.5 * sampleRate) {
                throw new IllegalArgumentException("Frequency band exceeds Nyquist. Reduce either fmin or n_bands."
                        + " (sample_rate=" + sampleRate + ", contrast_fmin=" + fmin + ", contrast_n_bands=" + nBands
                        + ": band edge " + edges[i] + " Hz >= " + 0.5 * sampleRate + " Hz)");
            }
        }
        double[] freqs = FrequencyScales.fftFrequencies(sampleRate, nFft);
        int[] start = new int[nBands + 1];
        int[] length = new int[nBands + 1];
        int[] count = new int[nBands + 1];
        for (int k = 0; k <= nBands; k++) {
            int first = -1;
            int last = -1;
            for (int i = 0; i < freqs.length; i++) {
                if (freqs[i] >= edges[k] && freqs[i] <= edges[k + 1]) {
                    if (first < 0) {
                        first = i;
                    }
                    last = i;
                }
            }
            if (first < 0) {
                throw new IllegalArgumentException("contrast band " + k + " [" + edges[k] + ", " + edges[k + 1]
                        + "] Hz contains no FFT bin at n_fft=" + nFft + "; increase n_fft or contrast_fmin");
            }
            if (k > 0) {
                first -= 1;
            }
            if (k == nBands) {
                last = freqs.length - 1;
            }
            int bins = last - first + 1;
            int used = k < nBands ? bins - 1 : bins;
            if (used < 1) {
                throw new IllegalArgumentException("contrast band " + k + " [" + edges[k] + ", " + edges[k + 1]
                        + "] Hz holds a single FFT bin at n_fft=" + nFft + "; increase n_fft or contrast_fmin");
            }
            start[k] = first;
            length[k] = used;
            int q = (int) Math.max(1.0, Math.rint(quantile * bins));
            count[k] = Math.min(q, used); // numpy's sorted[:q] simply takes all when q > used
        }
        return new SpectralContrast(start, length, count, linear);
    }

    /** Number of output rows per frame, {@code n_bands + 1}. */
    public int nBands() {
        return bandStart.length;
    }

    /** Per-thread scratch for {@link #peaksAndValleys}; also remembers the previous frame's selection. */
    public Scratch newScratch() {
        return new Scratch(this);
    }

    /** Selection state for one thread. What it remembers only speeds selection up; results never depend on it. */
    public static final class Scratch {
        private final BandExtremes[] valleys;
        private final BandExtremes[] peaks;

        private Scratch(SpectralContrast contrast) {
            int bands = contrast.bandStart.length;
            valleys = new BandExtremes[bands];
            peaks = new BandExtremes[bands];
            for (int b = 0; b < bands; b++) {
                int from = contrast.bandStart[b];
                int to = from + contrast.bandLength[b];
                valleys[b] = new BandExtremes(from, to, contrast.quantileCount[b], false);
                peaks[b] = new BandExtremes(from, to, contrast.quantileCount[b], true);
            }
        }
    }

    /**
     * One frame: fills {@code peak[b]} and {@code valley[b]} (means of magnitudes) for every band.
     *
     * <p>Selection runs on the POWER spectrum (same order as magnitude, so the same bins are selected; it must be
     * finite and non-negative, as {@code |X|^2} is) and only the {@code q} selected values per band are
     * square-rooted; see {@link BandExtremes} for how the selection avoids most mispredicted branches.
     */
    public void peaksAndValleys(double[] power, double[] peak, double[] valley, Scratch scratch) {
        for (int b = 0; b < bandStart.length; b++) {
            valley[b] = scratch.valleys[b].meanMagnitude(power);
            peak[b] = scratch.peaks[b].meanMagnitude(power);
        }
    }

    /** Turns per-frame peaks and valleys ({@code [frame][band]}) into contrast, {@code [frame][band]}. */
    public float[][] contrast(double[][] peaks, double[][] valleys) {
        int frames = peaks.length;
        float[][] out = new float[frames][bandStart.length];
        if (linear) {
            for (int t = 0; t < frames; t++) {
                for (int b = 0; b < bandStart.length; b++) {
                    out[t][b] = (float) (peaks[t][b] - valleys[t][b]);
                }
            }
            return out;
        }
        double[][] peakDb = DEFAULT_POWER_TO_DB.apply(peaks);
        double[][] valleyDb = DEFAULT_POWER_TO_DB.apply(valleys);
        for (int t = 0; t < frames; t++) {
            for (int b = 0; b < bandStart.length; b++) {
                out[t][b] = (float) (peakDb[t][b] - valleyDb[t][b]);
            }
        }
        return out;
    }
}
