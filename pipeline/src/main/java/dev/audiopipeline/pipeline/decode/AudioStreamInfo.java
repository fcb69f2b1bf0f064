package dev.audiopipeline.pipeline.decode;

/**
 * What a decoder learned from a header: the source sample rate and channel count, the number of frames if the
 * header states it ({@code -1} if unknown until the end), and a short description of the encoding
 * (e.g. {@code "wav pcm_s16le"}).
 */
public record AudioStreamInfo(int sampleRate, int channels, long frames, String encoding) {

    public AudioStreamInfo {
        if (sampleRate <= 0 || channels <= 0) {
            throw new IllegalArgumentException("sampleRate and channels must be > 0, got " + sampleRate + ", " + channels);
        }
    }

    /** Duration in seconds, or NaN when the length is unknown. */
    public double durationSeconds() {
        return frames < 0 ? Double.NaN : frames / (double) sampleRate;
    }
}
