package dev.audiopipeline.features.dsp;

/**
 * The periodic Hann window, as {@code scipy.signal.get_window('hann', win_length, fftbins=True)} gives it to
 * librosa, zero-padded on both sides to {@code n_fft} the way {@code librosa.util.pad_center} does.
 */
public final class HannWindow {

    private HannWindow() {
    }

    /**
     * @param winLength window length (periodic: {@code 0.5 - 0.5 cos(2 pi i / winLength)})
     * @param nFft length of the returned array; the window sits at offset {@code (nFft - winLength) / 2}
     */
    public static double[] periodic(int winLength, int nFft) {
        if (winLength <= 0 || winLength > nFft) {
            throw new IllegalArgumentException("win_length must be in [1, n_fft=" + nFft + "], got " + winLength);
        }
        double[] window = new double[nFft];
        int offset = (nFft - winLength) / 2;
        if (winLength == 1) {
            window[offset] = 1.0; // scipy returns [1.0] for a length-1 window
            return window;
        }
        for (int i = 0; i < winLength; i++) {
            window[offset + i] = 0.5 - 0.5 * Math.cos(2.0 * Math.PI * i / winLength);
        }
        return window;
    }
}
