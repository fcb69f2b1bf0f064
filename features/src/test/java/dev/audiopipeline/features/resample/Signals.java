package dev.audiopipeline.features.resample;

/** Analytic test signals and error measures shared by the resampler tests. */
final class Signals {

    private Signals() {
    }

    /**
     * A linear sine sweep from {@code f0} to {@code f1} Hz over {@code seconds}, sampled at {@code rate}: the same
     * continuous signal at any rate, so sampling it at the output rate gives the ideal resampler output.
     */
    static float[] sweep(int rate, double seconds, double f0, double f1, double amplitude) {
        int n = (int) Math.round(seconds * rate);
        float[] x = new float[n];
        double k = (f1 - f0) / seconds;
        for (int i = 0; i < n; i++) {
            double t = (double) i / rate;
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * (f0 * t + 0.5 * k * t * t)));
        }
        return x;
    }

    /** The sweep at exactly {@code n} points {@code j / rate}. */
    static double[] sweepAt(int rate, int n, double seconds, double f0, double f1, double amplitude) {
        double[] x = new double[n];
        double k = (f1 - f0) / seconds;
        for (int i = 0; i < n; i++) {
            double t = (double) i / rate;
            x[i] = amplitude * Math.sin(2 * Math.PI * (f0 * t + 0.5 * k * t * t));
        }
        return x;
    }

    static float[] tone(int rate, int n, double freq, double amplitude) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * freq * i / rate));
        }
        return x;
    }

    /** SNR in dB of {@code actual} against {@code ideal} over {@code [from, to)}. */
    static double snrDb(float[] actual, double[] ideal, int from, int to) {
        double signal = 0;
        double noise = 0;
        for (int i = from; i < to; i++) {
            signal += ideal[i] * ideal[i];
            double e = actual[i] - ideal[i];
            noise += e * e;
        }
        return 10 * Math.log10(signal / noise);
    }

    static double rms(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (double) x[i] * x[i];
        }
        return Math.sqrt(s / (to - from));
    }

    /**
     * Least-squares fit of {@code a sin + b cos} at {@code freq} Hz to {@code x} (sampled at {@code rate}) over
     * {@code [from, to)}: {@code {a, b, rms of the residual}}.
     */
    static double[] toneFit(float[] x, int rate, double freq, int from, int to) {
        double ss = 0;
        double cc = 0;
        double sc = 0;
        double xs = 0;
        double xc = 0;
        for (int i = from; i < to; i++) {
            double w = 2 * Math.PI * freq * i / rate;
            double s = Math.sin(w);
            double c = Math.cos(w);
            ss += s * s;
            cc += c * c;
            sc += s * c;
            xs += x[i] * s;
            xc += x[i] * c;
        }
        double det = ss * cc - sc * sc;
        double a = (xs * cc - xc * sc) / det;
        double b = (xc * ss - xs * sc) / det;
        double residual = 0;
        for (int i = from; i < to; i++) {
            double w = 2 * Math.PI * freq * i / rate;
            double e = x[i] - a * Math.sin(w) - b * Math.cos(w);
            residual += e * e;
        }
        return new double[] {a, b, Math.sqrt(residual / (to - from))};
    }

    /**
     * Output samples skipped at either end, where the filters see the signal's abrupt start or end: 50 ms, more
     * than the longest filter's half length (VHQ from 96 kHz: ~12 ms).
     */
    static int edgeSkip(int inRate, int outRate) {
        return outRate / 20;
    }
}
