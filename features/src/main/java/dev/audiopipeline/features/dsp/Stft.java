package dev.audiopipeline.features.dsp;

import java.util.Arrays;

/**
 * Framing, windowing and the real FFT of {@code librosa.stft(y, n_fft, hop_length, win_length, window='hann',
 * center, pad_mode='constant')}: frame {@code t} starts at sample {@code t*hop - n_fft/2} when centred (samples
 * outside the signal are zeros), is multiplied by the periodic Hann window and transformed; bin {@code k} of
 * {@code 1 + n_fft/2} is the plain (unnormalised) DFT coefficient.
 *
 * <p>The FFT runs in double precision, as librosa's does (it multiplies float32 frames by a float64 window and
 * calls numpy's float64 rfft): a float32 FFT is ~2e-4 off in relative mel power for bins 70-80 dB below a
 * frame's peak, more than the tolerance. The FFT is {@link FrameFft}'s: the Vector API one where the JVM allows it, else
 * JTransforms'. The object holds only immutable tables; the FFT and buffers live in a per-thread {@link Plan}.
 */
public final class Stft {

    private final int nFft;
    private final int hopLength;
    private final boolean center;
    private final double[] window;
    private final int windowStart;
    private final int windowEnd;

    public Stft(int nFft, int hopLength, int winLength, boolean center) {
        if (nFft <= 0) {
            throw new IllegalArgumentException("n_fft must be > 0, got " + nFft);
        }
        if (hopLength <= 0) {
            throw new IllegalArgumentException("hop_length must be > 0, got " + hopLength);
        }
        this.nFft = nFft;
        this.hopLength = hopLength;
        this.center = center;
        this.window = HannWindow.periodic(winLength, nFft);
        int first = 0;
        while (first < nFft && window[first] == 0.0) {
            first++;
        }
        int last = nFft;
        while (last > first && window[last - 1] == 0.0) {
            last--;
        }
        this.windowStart = first;
        this.windowEnd = last;
    }

    public int nFft() {
        return nFft;
    }

    public int nBins() {
        return 1 + nFft / 2;
    }

    /** Frame count librosa gives for {@code nSamples} samples (0 when the input is too short). */
    public int frameCount(int nSamples) {
        int padded = center ? nSamples + 2 * (nFft / 2) : nSamples;
        return padded < nFft ? 0 : 1 + (padded - nFft) / hopLength;
    }

    /** First sample of frame {@code t} in unpadded coordinates (negative at the start when centred). */
    public int frameStart(int t) {
        return t * hopLength - (center ? nFft / 2 : 0);
    }

    /** A per-thread FFT plan with its buffer. */
    public Plan newPlan() {
        return new Plan();
    }

    /** Holds an FFT ({@link FrameFft#create}) and its buffer; use from one thread at a time. */
    public final class Plan {
        private final FrameFft fft = FrameFft.create(nFft);
        private final double[] buffer = new double[nFft];
        /** Where the frame last set up has windowed signal: buffer indices [from, to). */
        private int from;
        private int to;

        private Plan() {
        }

        /**
         * For the frame starting at sample {@code start} of a signal of {@code length} samples: sets
         * {@code [from, to)} to the indices under the window that fall inside the signal, and zeroes the buffer
         * outside them (the centring padding and the window's zero tails).
         */
        private void zeroWhereNoSignal(int start, int length) {
            from = Math.max(windowStart, -start);
            to = Math.max(from, Math.min(windowEnd, length - start));
            Arrays.fill(buffer, 0, from, 0.0);
            Arrays.fill(buffer, to, nFft, 0.0);
        }

        /**
         * Computes frame {@code t} of {@code y} and writes {@code |X_k|^2} for every bin into {@code power}.
         */
        public void powerSpectrum(float[] y, int t, double[] power) {
            int start = frameStart(t);
            if (start >= 0 && start + nFft <= y.length) { // wholly inside the signal: no zeros to pad
                fft.windowedPower(y, start, window, buffer, power);
                return;
            }
            zeroWhereNoSignal(start, y.length);
            for (int i = from; i < to; i++) {
                buffer[i] = window[i] * y[start + i];
            }
            fft.power(buffer, power);
        }

        /**
         * Computes frame {@code t} of {@code y} (double samples) and returns its DFT in JTransforms' packed layout
         * ({@code a[2k] = Re k, a[2k+1] = Im k}; {@code a[1]} is Re n/2 for even n). The array is this plan's
         * buffer: valid until the plan's next call.
         */
        public double[] spectrum(double[] y, int t) {
            int start = frameStart(t);
            zeroWhereNoSignal(start, y.length);
            for (int i = from; i < to; i++) {
                buffer[i] = window[i] * y[start + i];
            }
            fft.packed(buffer);
            return buffer;
        }
    }
}
