package dev.audiopipeline.features.resample;

/**
 * Receives resampled audio. The array is only valid during the call (the resampler reuses it): copy what you keep.
 */
@FunctionalInterface
public interface SampleSink {

    void accept(float[] samples, int offset, int length);
}
