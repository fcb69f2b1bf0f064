package dev.audiopipeline.features.augment;

import dev.audiopipeline.features.dsp.HannWindow;
import dev.audiopipeline.features.dsp.JTransformsFft;
import dev.audiopipeline.features.dsp.Stft;
import java.util.Arrays;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Phase-vocoder time stretching with the semantics of librosa's {@code effects.time_stretch(y, rate)}:
 * {@code stft(n_fft=2048, hop_length=512, window='hann', center=True, pad_mode='constant')}, then
 * {@code phase_vocoder(rate)}, then {@code istft(length=round(n / rate))}. A rate above 1 speeds up (shorter
 * output), below 1 slows down; pitch is kept.
 *
 * <p>The vocoder is librosa's: output frame {@code t} reads input position {@code s = t * rate}, interpolates the
 * magnitudes of frames {@code floor(s)} and {@code floor(s) + 1} linearly, and carries an accumulated phase that
 * starts at frame 0's and advances by the phase difference of those two frames. librosa advances it by
 * {@code angle(X1) - angle(X0)} plus a multiple of 2 pi; here the same rotation is applied as the unit phasor
 * {@code (X1 / |X1|) * conj(X0 / |X0|)} (a zero bin counting as angle 0, as numpy's {@code angle(0)} does), which is
 * equal modulo 2 pi and needs no trigonometry. Everything runs in double precision; librosa runs float32 input
 * through complex64, so it agrees with this to float32 accuracy.
 *
 * <p>The STFT frames are computed as the vocoder reaches them and each output frame is overlap-added as soon as it
 * is synthesised, so the work buffers are a few frames plus the output; they live per thread. One instance can be
 * shared between threads.
 */
public final class TimeStretcher {

    public static final int N_FFT = 2048;
    public static final int HOP_LENGTH = 512;
    /** The analysis STFT (its class also keeps JTransforms single-threaded, before any plan here is made). */
    private static final Stft ANALYSIS = new Stft(N_FFT, HOP_LENGTH, N_FFT, true);
    private static final int N_BINS = N_FFT / 2 + 1;
    private static final int PAD = N_FFT / 2;
    /** librosa divides by the window sum-square only where it exceeds {@code tiny(float32)}. */
    private static final double WINDOW_SUM_FLOOR = Float.MIN_NORMAL;

    private final double[] window = HannWindow.periodic(N_FFT, N_FFT);
    private final double[] windowSquared = new double[N_FFT];
    private final ThreadLocal<Workspace> workspaces = ThreadLocal.withInitial(Workspace::new);

    public TimeStretcher() {
        for (int i = 0; i < N_FFT; i++) {
            windowSquared[i] = window[i] * window[i];
        }
    }

    /** Length of {@link #stretch}'s result for {@code n} samples: Python's {@code int(round(n / rate))}. */
    public static int stretchedLength(int n, double rate) {
        return (int) Math.rint(n / rate);
    }

    /**
     * {@code librosa.effects.time_stretch(y, rate=rate)} with the default STFT parameters.
     *
     * @param rate stretch factor, finite and > 0
     * @return a new array of {@link #stretchedLength(int, double)} samples
     */
    public double[] stretch(double[] y, double rate) {
        if (!(rate > 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException("rate must be finite and > 0, got " + rate);
        }
        int outLength = stretchedLength(y.length, rate);
        int inFrames = 1 + y.length / HOP_LENGTH;
        int steps = (int) Math.ceil(inFrames / rate);
        // istft(length=...) keeps only the frames that can reach the requested length.
        int outFrames = Math.min(steps, (int) Math.ceil((double) (outLength + 2 * PAD) / HOP_LENGTH));
        Workspace ws = workspaces.get();
        int span = (outFrames - 1) * HOP_LENGTH + N_FFT;
        double[] sum = ws.overlapAdd(span);
        double[] weight = ws.windowSum(span);

        ws.start(y);
        Spectrum first = ws.frame(0);
        System.arraycopy(first.unitRe, 0, ws.phasorRe, 0, N_BINS);
        System.arraycopy(first.unitIm, 0, ws.phasorIm, 0, N_BINS);
        for (int t = 0; t < outFrames; t++) {
            double step = t * rate;
            int index = (int) step;
            double alpha = step - index;
            Spectrum left = ws.frame(index);
            Spectrum right = ws.frame(index + 1);
            synthesise(ws, left, right, alpha);
            int offset = t * HOP_LENGTH;
            double[] frame = ws.fftBuffer;
            for (int i = 0; i < N_FFT; i++) {
                sum[offset + i] += frame[i] * window[i];
                weight[offset + i] += windowSquared[i];
            }
        }

        double[] out = new double[outLength];
        int available = Math.min(outLength, span - PAD);
        for (int i = 0; i < available; i++) {
            double w = weight[PAD + i];
            out[i] = w > WINDOW_SUM_FLOOR ? sum[PAD + i] / w : sum[PAD + i];
        }
        ws.input = null;
        return out;
    }

    /**
     * Writes the time signal of one output frame into the FFT buffer (interpolated magnitudes times the
     * accumulated phasor, inverse FFT) and advances the phasor by the phase step from {@code left} to
     * {@code right}.
     */
    private static void synthesise(Workspace ws, Spectrum left, Spectrum right, double alpha) {
        double[] a = ws.fftBuffer;
        double[] pr = ws.phasorRe;
        double[] pi = ws.phasorIm;
        double beta = 1.0 - alpha;
        for (int k = 0; k < N_BINS; k++) {
            double magnitude = beta * left.magnitude[k] + alpha * right.magnitude[k];
            a[2 * k] = magnitude * pr[k];
            a[2 * k + 1] = magnitude * pi[k];
            double stepRe = right.unitRe[k] * left.unitRe[k] + right.unitIm[k] * left.unitIm[k];
            double stepIm = right.unitIm[k] * left.unitRe[k] - right.unitRe[k] * left.unitIm[k];
            double nextRe = pr[k] * stepRe - pi[k] * stepIm;
            pi[k] = pr[k] * stepIm + pi[k] * stepRe;
            pr[k] = nextRe;
        }
        // To JTransforms' packed layout: Re n/2 goes to a[1]. The imaginary parts of bins 0 and n/2 are dropped,
        // as numpy's irfft drops them.
        a[1] = a[N_FFT];
        ws.inverse.realInverse(a, true);
    }

    /** Magnitudes and unit phasors of one STFT frame. */
    private static final class Spectrum {
        final double[] magnitude = new double[N_BINS];
        final double[] unitRe = new double[N_BINS];
        final double[] unitIm = new double[N_BINS];
        int frame = -1;
    }

    /** Per-thread FFT plans and buffers; the two spectra hold frames of even and odd index. */
    private final class Workspace {
        final Stft.Plan analysis = ANALYSIS.newPlan();
        final DoubleFFT_1D inverse = JTransformsFft.plan(N_FFT); // single-threaded
        /**
         * One synthesised frame; the two extra slots let {@link #synthesise} write bin n/2 in place before packing.
         */
        final double[] fftBuffer = new double[N_FFT + 2];
        final double[] phasorRe = new double[N_BINS];
        final double[] phasorIm = new double[N_BINS];
        final Spectrum[] spectra = {new Spectrum(), new Spectrum()};
        double[] overlapAdd = new double[0];
        double[] windowSum = new double[0];
        double[] input;
        int inFrames;

        double[] overlapAdd(int length) {
            overlapAdd = cleared(overlapAdd, length);
            return overlapAdd;
        }

        double[] windowSum(int length) {
            windowSum = cleared(windowSum, length);
            return windowSum;
        }

        private double[] cleared(double[] buffer, int length) {
            if (buffer.length < length) {
                return new double[length];
            }
            Arrays.fill(buffer, 0, length, 0.0);
            return buffer;
        }

        void start(double[] y) {
            input = y;
            inFrames = 1 + y.length / HOP_LENGTH;
            spectra[0].frame = -1;
            spectra[1].frame = -1;
        }

        /** Frame {@code t} of the centred STFT; frames past the end are zero (librosa pads two zero columns). */
        Spectrum frame(int t) {
            Spectrum s = spectra[t & 1];
            if (s.frame == t) {
                return s;
            }
            s.frame = t;
            if (t >= inFrames) {
                Arrays.fill(s.magnitude, 0.0);
                Arrays.fill(s.unitRe, 1.0);
                Arrays.fill(s.unitIm, 0.0);
                return s;
            }
            double[] a = analysis.spectrum(input, t);
            store(s, 0, a[0], 0.0);
            store(s, N_BINS - 1, a[1], 0.0);
            for (int k = 1; k < N_BINS - 1; k++) {
                store(s, k, a[2 * k], a[2 * k + 1]);
            }
            return s;
        }

        private void store(Spectrum s, int k, double re, double im) {
            double magnitude = Math.sqrt(re * re + im * im);
            s.magnitude[k] = magnitude;
            if (magnitude > 0) {
                s.unitRe[k] = re / magnitude;
                s.unitIm[k] = im / magnitude;
            } else {
                s.unitRe[k] = 1.0;
                s.unitIm[k] = 0.0;
            }
        }
    }
}
