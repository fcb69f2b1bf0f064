package dev.audiopipeline.pipeline.decode;

import java.io.IOException;
import java.util.Arrays;

/** Tone fixtures and the checks run on what comes back from a decoder. */
public final class TestTones {

    /** Frequency of channel 0 (and of the louder part of a mono mix). */
    public static final double LOW_HZ = 440;
    /** Frequency of channel 1 (and of the softer part of a mono mix). */
    public static final double HIGH_HZ = 1000;

    private TestTones() {}

    /**
     * 16-bit samples per channel: mono is 440 Hz at 0.4 plus 1000 Hz at 0.2; stereo is 440 Hz left and 1000 Hz
     * right, each at 0.5.
     */
    public static short[][] tones(int sampleRate, int channels, int frames) {
        short[][] pcm = new short[channels][frames];
        for (int i = 0; i < frames; i++) {
            double t = i / (double) sampleRate;
            double low = Math.sin(2 * Math.PI * LOW_HZ * t);
            double high = Math.sin(2 * Math.PI * HIGH_HZ * t);
            if (channels == 1) {
                pcm[0][i] = (short) Math.round(32767 * (0.4 * low + 0.2 * high));
            } else {
                pcm[0][i] = (short) Math.round(32767 * 0.5 * low);
                pcm[1][i] = (short) Math.round(32767 * 0.5 * high);
            }
        }
        return pcm;
    }

    /** Power of {@code signal} at {@code hz} (Goertzel), normalised by length. */
    public static double power(float[] signal, int sampleRate, double hz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hz / sampleRate);
        double previous = 0;
        double beforePrevious = 0;
        for (float sample : signal) {
            double current = sample + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }
        double power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
        return power / ((double) signal.length * signal.length);
    }

    /** Decodes all of {@code stream} into one array per channel. */
    public static float[][] decodeAll(AudioStream stream) throws IOException {
        int channels = stream.info().channels();
        int block = 1000;
        float[] buffer = new float[block * channels];
        float[][] out = new float[channels][1 << 14];
        int total = 0;
        int n;
        while ((n = stream.read(buffer, block)) > 0) {
            if (total + n > out[0].length) {
                for (int c = 0; c < channels; c++) {
                    out[c] = Arrays.copyOf(out[c], Math.max(total + n, out[c].length * 2));
                }
            }
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < channels; c++) {
                    out[c][total + i] = buffer[i * channels + c];
                }
            }
            total += n;
        }
        for (int c = 0; c < channels; c++) {
            out[c] = Arrays.copyOf(out[c], total);
        }
        return out;
    }
}
