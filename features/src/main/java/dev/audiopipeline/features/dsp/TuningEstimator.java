package dev.audiopipeline.features.dsp;

import java.util.Arrays;

/**
 * librosa 0.11's {@code estimate_tuning(S=S, sr, n_fft, bins_per_octave=n_chroma)} as {@code chroma_stft} calls it
 * when {@code tuning=None}, fed one power spectrum frame at a time ({@code S = |X|^2}, which librosa's
 * {@code piptrack} takes as its "magnitude"), so the spectrogram is never held whole.
 *
 * <p>Per frame, as {@code piptrack(S, sr, fmin=150, fmax=4000, threshold=0.1)}: bins {@code k} with
 * {@code 150 <= k sr / n_fft < min(4000, sr / 2)} that are local maxima ({@code S[k] > S[k-1]}, {@code S[k] >=
 * S[k+1]}; the last bin only against its left neighbour, the first never) of {@code S} with values at or below
 * {@code 0.1 max(S)} set to zero; each gives a pitch {@code (k + shift) sr / n_fft} by parabolic interpolation
 * ({@code shift = -b / a}, {@code a = S[k+1] + S[k-1] - 2 S[k]}, {@code b = (S[k+1] - S[k-1]) / 2}, 0 when
 * {@code |b| >= |a|}) and a magnitude {@code S[k] + 0.5 gradient(S)[k] shift}. Then, over the whole input, the
 * pitches whose magnitude is at least the median magnitude give the tuning: the residual of
 * {@code n_chroma log2(f / (440 / 16))} modulo 1, moved to [-0.5, 0.5), histogrammed in 100 bins between -0.5 and
 * 0.5; the left edge of the fullest bin (the first on ties) is the estimate, e.g. {@code -0.020000000000000018}.
 * With no pitch at all it is 0.
 *
 * <p>librosa computes on the float32 spectrogram: the spectrum is rounded to float32 magnitudes squared here too,
 * and pitches, magnitudes and residuals are float32 as in librosa, so that the histogram bins agree.
 *
 * <p>Which spectrum matters: {@code chroma_stft} estimates on the power spectrogram ({@link #accept}), while
 * {@code librosa.estimate_tuning(y=y, sr=sr)} called on audio uses the magnitude spectrogram
 * ({@link #acceptAsMagnitude}); the two differ by up to 0.41 bins on the reference inputs (-0.46 against -0.16
 * for a chirp). Chroma with {@code tuning=None} needs the first.
 */
public final class TuningEstimator {

    private static final double FMIN = 150.0;
    private static final double FMAX = 4000.0;
    private static final float THRESHOLD = 0.1f;
    private static final int HISTOGRAM_BINS = 100; // resolution 0.01

    private final int nChroma;
    private final int firstBin;
    private final int endBin;
    private final int sampleRate;
    private final int nFft;
    private final float[] spectrum;
    private float[] pitches = new float[1024];
    private float[] magnitudes = new float[1024];
    private int count;

    /** For spectra of {@code n_fft} at {@code sampleRate}; the result is in fractions of one of {@code nChroma} bins. */
    public TuningEstimator(int sampleRate, int nFft, int nChroma) {
        this.nChroma = nChroma;
        int nBins = 1 + nFft / 2;
        double fmax = Math.min(FMAX, sampleRate / 2.0);
        double step = 1.0 / (nFft * (1.0 / sampleRate)); // numpy.fft.rfftfreq
        int first = 0;
        while (first < nBins && first * step < FMIN) {
            first++;
        }
        int end = first;
        while (end < nBins && end * step < fmax) {
            end++;
        }
        this.firstBin = first;
        this.endBin = end;
        this.sampleRate = sampleRate;
        this.nFft = nFft;
        this.spectrum = new float[nBins];
    }

    /**
     * Adds one frame as {@code chroma_stft} hands it to {@code estimate_tuning}: the power spectrum {@code S =
     * |X_k|^2}, {@code k = 0 .. n_fft / 2}.
     */
    public void accept(double[] power) {
        float[] s = spectrum;
        for (int k = 0; k < s.length; k++) {
            float magnitude = (float) Math.sqrt(power[k]);
            s[k] = magnitude * magnitude;
        }
        track(s);
    }

    /**
     * Adds one frame as {@code estimate_tuning(y=y, sr)} sees it: the magnitude spectrum {@code S = |X_k|}
     * (given here as {@code power} = {@code |X_k|^2}). librosa's chroma does not do this; see the class comment.
     */
    public void acceptAsMagnitude(double[] power) {
        float[] s = spectrum;
        for (int k = 0; k < s.length; k++) {
            s[k] = (float) Math.sqrt(power[k]);
        }
        track(s);
    }

    /** piptrack's peaks of one frame's spectrum {@code s}, added to the collection. */
    private void track(float[] s) {
        int n = s.length;
        float max = 0;
        for (float value : s) {
            max = Math.max(max, value);
        }
        float reference = THRESHOLD * max;
        for (int k = Math.max(firstBin, 1); k < endBin; k++) {
            float here = gated(s[k], reference);
            boolean peak = k == n - 1 ? here > gated(s[k - 1], reference)
                    : here > gated(s[k - 1], reference) && here >= gated(s[k + 1], reference);
            if (!peak) {
                continue;
            }
            float shift = 0;
            float gradient;
            if (k == n - 1) {
                gradient = s[k] - s[k - 1];
            } else {
                shift = parabolicShift(s[k - 1], s[k], s[k + 1]);
                gradient = (s[k + 1] - s[k - 1]) / 2;
            }
            add((float) ((k + (double) shift) * sampleRate / nFft), s[k] + 0.5f * gradient * shift);
        }
    }

    /** The tuning in fractions of a chroma bin, in [-0.5, 0.5), a multiple of 0.01 as numpy computes it. */
    public double estimate() {
        if (count == 0) {
            return 0.0;
        }
        float threshold = median(Arrays.copyOf(magnitudes, count));
        int[] histogram = new int[HISTOGRAM_BINS];
        boolean any = false;
        for (int i = 0; i < count; i++) {
            if (!(magnitudes[i] >= threshold) || !(pitches[i] > 0)) {
                continue;
            }
            float octaves = (float) log2((float) (pitches[i] / (440.0 / 16)));
            float scaled = nChroma * octaves;
            float residual = scaled - (float) Math.floor(scaled);
            if (residual >= 0.5f) {
                residual -= 1.0f;
            }
            histogram[histogramBin(residual)]++;
            any = true;
        }
        if (!any) {
            return 0.0;
        }
        int best = 0;
        for (int b = 1; b < HISTOGRAM_BINS; b++) {
            if (histogram[b] > histogram[best]) {
                best = b;
            }
        }
        return edge(best);
    }

    private static float gated(float value, float reference) {
        return value > reference ? value : 0;
    }

    private static float parabolicShift(float left, float centre, float right) {
        // numba types the float32 stencil's "2 * x" and "/ 2" as float64: a and b are doubles.
        double a = (right + left) - 2.0 * centre;
        double b = (right - left) / 2.0;
        if (Math.abs(b) >= Math.abs(a)) {
            return 0;
        }
        return (float) (-b / a);
    }

    private void add(float pitch, float magnitude) {
        if (count == pitches.length) {
            pitches = Arrays.copyOf(pitches, count * 2);
            magnitudes = Arrays.copyOf(magnitudes, count * 2);
        }
        pitches[count] = pitch;
        magnitudes[count] = magnitude;
        count++;
    }

    /** numpy.median of float32 values: the middle one, or the float32 mean of the two middle ones. */
    private static float median(float[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    /** numpy.linspace(-0.5, 0.5, 101)[b]. */
    private static double edge(int b) {
        return b == HISTOGRAM_BINS ? 0.5 : b * (1.0 / HISTOGRAM_BINS) + -0.5;
    }

    /** The numpy.histogram bin of {@code residual}, in [-0.5, 0.5). */
    private static int histogramBin(float residual) {
        int b = (int) Math.floor((residual + 0.5) * HISTOGRAM_BINS);
        b = Math.max(0, Math.min(HISTOGRAM_BINS - 1, b));
        while (b > 0 && residual < edge(b)) {
            b--;
        }
        while (b < HISTOGRAM_BINS - 1 && residual >= edge(b + 1)) {
            b++;
        }
        return b;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2.0);
    }
}
