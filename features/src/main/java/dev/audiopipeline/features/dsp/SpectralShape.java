package dev.audiopipeline.features.dsp;

/**
 * Per-frame spectral centroid, bandwidth and roll-off of the MAGNITUDE spectrum, as librosa 0.11's
 * {@code spectral_centroid}, {@code spectral_bandwidth(p=2, norm=True)} and {@code spectral_rolloff} compute them
 * from {@code |stft(y)|} (their default {@code power=1} spectrogram) with the bin frequencies of
 * {@code fft_frequencies}.
 *
 * <p>Silent frames: librosa's {@code util.normalize} leaves an all-zero frame at zero, so centroid and bandwidth
 * are 0; roll-off is the first bin whose cumulative energy reaches 0, i.e. 0 Hz.
 */
public final class SpectralShape {

    private final double[] frequencies;
    private final double rollPercent;

    public SpectralShape(int sampleRate, int nFft, double rollPercent) {
        if (!(rollPercent > 0 && rollPercent < 1)) {
            throw new IllegalArgumentException("roll_percent must lie in (0, 1), got " + rollPercent);
        }
        this.frequencies = FrequencyScales.fftFrequencies(sampleRate, nFft);
        this.rollPercent = rollPercent;
    }

    /** Sum of magnitudes, or 1 when below float32's smallest normal (librosa's normalize threshold). */
    private static double normaliser(double[] magnitude, int n) {
        double total = 0.0;
        for (int i = 0; i < n; i++) {
            total += magnitude[i];
        }
        return total < Float.MIN_NORMAL ? 1.0 : total;
    }

    /** {@code sum_k f_k S_k / sum_k S_k}. */
    public double centroid(double[] magnitude) {
        int n = frequencies.length;
        double total = normaliser(magnitude, n);
        double weighted = 0.0;
        for (int i = 0; i < n; i++) {
            weighted += frequencies[i] * magnitude[i];
        }
        return weighted / total;
    }

    /** {@code sqrt(sum_k S_k (f_k - centroid)^2 / sum_k S_k)}. */
    public double bandwidth(double[] magnitude, double centroid) {
        int n = frequencies.length;
        double total = normaliser(magnitude, n);
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            double deviation = frequencies[i] - centroid;
            sum += magnitude[i] * deviation * deviation;
        }
        return Math.sqrt(sum / total);
    }

    /** Frequency of the first bin where the cumulative magnitude reaches {@code roll_percent} of the total. */
    public double rolloff(double[] magnitude) {
        int n = frequencies.length;
        double total = 0.0;
        for (int i = 0; i < n; i++) {
            total += magnitude[i];
        }
        double threshold = rollPercent * total;
        double cumulative = 0.0;
        for (int i = 0; i < n; i++) {
            cumulative += magnitude[i];
            if (cumulative >= threshold) {
                return frequencies[i];
            }
        }
        return frequencies[n - 1];
    }
}
