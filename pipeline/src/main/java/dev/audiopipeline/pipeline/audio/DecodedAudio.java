package dev.audiopipeline.pipeline.audio;

import dev.audiopipeline.pipeline.decode.AudioStreamInfo;

/**
 * Mono samples at {@code sampleRate}, and what the source was (its own rate, channels, encoding).
 *
 * @param samples mono samples in [-1, 1]
 * @param sampleRate the rate of {@code samples}
 * @param source the decoded file's header information
 */
public record DecodedAudio(float[] samples, int sampleRate, AudioStreamInfo source) {

    public double durationSeconds() {
        return samples.length / (double) sampleRate;
    }
}
