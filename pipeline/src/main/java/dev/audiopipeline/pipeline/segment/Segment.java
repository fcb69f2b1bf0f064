package dev.audiopipeline.pipeline.segment;

/**
 * One segment of a track: its index, where it starts, and its mono samples.
 *
 * @param index 0, 1, 2, ... in order of start
 * @param startSample first sample's position in the track, at {@code sampleRate}
 * @param sampleRate rate of {@code samples}
 * @param samples the segment, always a whole segment long (a padded tail ends in zeros)
 * @param audioSamples how many of {@code samples} are audio (less than the length only for a padded tail)
 */
public record Segment(int index, long startSample, int sampleRate, float[] samples, int audioSamples) {

    public double startSeconds() {
        return startSample / (double) sampleRate;
    }

    /** Seconds of audio in the segment (padding excluded). */
    public double durationSeconds() {
        return audioSamples / (double) sampleRate;
    }
}
