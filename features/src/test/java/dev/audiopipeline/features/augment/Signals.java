package dev.audiopipeline.features.augment;

/** Test signals and measurements shared by the augmentation tests. */
final class Signals {

    static final int SAMPLE_RATE = 22050;
    /** One 3-s segment. */
    static final int SEGMENT = 3 * SAMPLE_RATE;

    private Signals() {
    }

    static double[] sine(double frequency, double amplitude, int n) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = amplitude * Math.sin(2 * Math.PI * frequency * i / SAMPLE_RATE);
        }
        return y;
    }

    static float[] toFloat(double[] y) {
        float[] out = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (float) y[i];
        }
        return out;
    }

    static double[] toDouble(float[] y) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i];
        }
        return out;
    }

    static double rms(double[] y, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += y[i] * y[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    static double rms(double[] y) {
        return rms(y, 0, y.length);
    }

    /**
     * The frequency, on a 0.02-Hz grid within {@code expected +- 8} Hz, where the Hann-windowed DTFT of
     * {@code y[from, to)} peaks (Goertzel at each grid point).
     */
    static double peakFrequency(double[] y, int from, int to, double expected) {
        int n = to - from;
        double[] windowed = new double[n];
        for (int i = 0; i < n; i++) {
            windowed[i] = y[from + i] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / n));
        }
        double best = Double.NaN;
        double bestPower = -1;
        for (double f = expected - 8; f <= expected + 8; f += 0.02) {
            double coefficient = 2 * Math.cos(2 * Math.PI * f / SAMPLE_RATE);
            double s1 = 0;
            double s2 = 0;
            for (double v : windowed) {
                double s0 = v + coefficient * s1 - s2;
                s2 = s1;
                s1 = s0;
            }
            double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
            if (power > bestPower) {
                bestPower = power;
                best = f;
            }
        }
        return best;
    }
}
