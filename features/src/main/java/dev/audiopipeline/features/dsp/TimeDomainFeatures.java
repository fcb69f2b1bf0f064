package dev.audiopipeline.features.dsp;

/**
 * The two features librosa computes from the waveform rather than the STFT, with their framing
 * ({@code frame_length = n_fft}, {@code hop_length}, {@code center=True}):
 * <ul>
 *   <li>{@code librosa.feature.rms(y)}: zero ("constant") padding of {@code frame_length/2} each side, then
 *       {@code sqrt(mean(y^2))} per UNWINDOWED frame;</li>
 *   <li>{@code librosa.feature.zero_crossing_rate(y)}: "edge" padding (repeat the first/last sample), values
 *       with {@code |y| <= 1e-10} count as +0, a crossing is a sign-bit change between consecutive samples
 *       of the frame, rate = crossings / frame_length (the first sample of a frame never counts).</li>
 * </ul>
 * Frame {@code t} covers padded samples {@code [t*hop, t*hop + frame_length)}. Both accumulate in double.
 */
public final class TimeDomainFeatures {

    private static final double ZERO_THRESHOLD = 1e-10;

    private TimeDomainFeatures() {
    }

    /** Sample {@code index} (unpadded coordinates) of the edge-padded signal. */
    private static float edgePadded(float[] y, int index) {
        return y[Math.min(Math.max(index, 0), y.length - 1)];
    }

    /**
     * @param start first sample of the frame in UNPADDED coordinates (may be negative with centring)
     */
    public static double rms(float[] y, int start, int frameLength) {
        double sum = 0.0;
        int from = Math.max(start, 0);
        int to = Math.min(start + frameLength, y.length);
        for (int i = from; i < to; i++) {
            double v = y[i];
            sum += v * v;
        }
        return Math.sqrt(sum / frameLength);
    }

    /**
     * @param start first sample of the frame in UNPADDED coordinates (may be negative with centring)
     */
    public static double zeroCrossingRate(float[] y, int start, int frameLength) {
        int crossings = 0;
        boolean previous = negative(edgePadded(y, start));
        for (int i = 1; i < frameLength; i++) {
            boolean current = negative(edgePadded(y, start + i));
            if (current != previous) {
                crossings++;
            }
            previous = current;
        }
        return (double) crossings / frameLength;
    }

    /** numpy.signbit after librosa zeroes values within the threshold (to +0). */
    private static boolean negative(float v) {
        if (Math.abs(v) <= ZERO_THRESHOLD) {
            return false;
        }
        return v < 0;
    }
}
