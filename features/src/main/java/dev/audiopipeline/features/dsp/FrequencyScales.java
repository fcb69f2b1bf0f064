package dev.audiopipeline.features.dsp;

/**
 * Frequency axes and the Slaney mel scale, as librosa 0.11 computes them ({@code fft_frequencies},
 * {@code hz_to_mel}/{@code mel_to_hz} with {@code htk=False}, {@code mel_frequencies}).
 */
public final class FrequencyScales {

    private static final double F_SP = 200.0 / 3;
    private static final double MIN_LOG_HZ = 1000.0;
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
    private static final double LOG_STEP = Math.log(6.4) / 27.0;

    private FrequencyScales() {
    }

    /** Centre frequency of each of the {@code 1 + nFft/2} bins: {@code numpy.fft.rfftfreq(nFft, 1/sr)}. */
    public static double[] fftFrequencies(int sampleRate, int nFft) {
        double[] freqs = new double[1 + nFft / 2];
        double step = 1.0 / (nFft * (1.0 / sampleRate)); // numpy's exact arithmetic, for bit-equal band edges
        for (int i = 0; i < freqs.length; i++) {
            freqs[i] = i * step;
        }
        return freqs;
    }

    /** Slaney mel: linear below 1 kHz, logarithmic above. */
    public static double hzToMel(double hz) {
        if (hz >= MIN_LOG_HZ) {
            return MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP;
        }
        return hz / F_SP;
    }

    /** Inverse of {@link #hzToMel(double)}. */
    public static double melToHz(double mel) {
        if (mel >= MIN_LOG_MEL) {
            return MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL));
        }
        return F_SP * mel;
    }

    /** {@code n} frequencies evenly spaced in mel between fmin and fmax, inclusive ({@code mel_frequencies}). */
    public static double[] melFrequencies(int n, double fmin, double fmax) {
        double minMel = hzToMel(fmin);
        double maxMel = hzToMel(fmax);
        double[] mels = linspace(minMel, maxMel, n);
        double[] hz = new double[n];
        for (int i = 0; i < n; i++) {
            hz[i] = melToHz(mels[i]);
        }
        return hz;
    }

    /** {@code numpy.linspace(start, stop, n)} with endpoint, same arithmetic. */
    static double[] linspace(double start, double stop, int n) {
        double[] out = new double[n];
        if (n == 1) {
            out[0] = start;
            return out;
        }
        double step = (stop - start) / (n - 1);
        for (int i = 0; i < n; i++) {
            out[i] = i * step + start;
        }
        out[n - 1] = stop;
        return out;
    }
}
