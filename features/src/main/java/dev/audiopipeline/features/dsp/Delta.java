package dev.audiopipeline.features.dsp;

/**
 * First-order delta over frames, as {@code librosa.feature.delta(data, width, order=1, mode='interp')}, i.e.
 * {@code scipy.signal.savgol_filter(data, width, polyorder=1, deriv=1, mode='interp')} along time.
 *
 * <p>Inside, the delta is the least-squares slope over the {@code width} frames centred on {@code t}:
 * {@code sum_j j * x[t+j] / sum_j j^2} for {@code j = -h..h}, {@code h = width/2}. With {@code mode='interp'}
 * the first and last {@code h} frames get the derivative of a degree-1 fit to the first / last {@code width}
 * frames, which is that same slope evaluated at frame {@code h} / {@code n-1-h}. Input and output are
 * {@code [frame][coefficient]}.
 */
public final class Delta {

    private Delta() {
    }

    /**
     * @throws IllegalArgumentException if width is not an odd integer >= 3, or exceeds the number of frames
     *     (librosa raises the same for {@code mode='interp'})
     */
    public static float[][] compute(float[][] data, int width) {
        if (width < 3 || width % 2 != 1) {
            throw new IllegalArgumentException("width must be an odd integer >= 3, got " + width);
        }
        int frames = data.length;
        if (width > frames) {
            throw new IllegalArgumentException("when mode='interp', width=" + width
                    + " cannot exceed the number of frames=" + frames);
        }
        int half = width / 2;
        double denominator = 0.0;
        for (int j = 1; j <= half; j++) {
            denominator += 2.0 * j * j;
        }
        int coefficients = data[0].length;
        float[][] out = new float[frames][coefficients];
        for (int t = half; t < frames - half; t++) {
            for (int c = 0; c < coefficients; c++) {
                double sum = 0.0;
                for (int j = 1; j <= half; j++) {
                    sum += j * ((double) data[t + j][c] - data[t - j][c]);
                }
                out[t][c] = (float) (sum / denominator);
            }
        }
        for (int t = 0; t < half; t++) {
            System.arraycopy(out[half], 0, out[t], 0, coefficients);
            System.arraycopy(out[frames - 1 - half], 0, out[frames - 1 - t], 0, coefficients);
        }
        return out;
    }
}
