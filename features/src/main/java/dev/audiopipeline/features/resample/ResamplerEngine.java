package dev.audiopipeline.features.resample;

/** One conversion between two different rates, streaming; {@link StreamingResampler} drives it. */
interface ResamplerEngine {

    /** Takes {@code samples[offset .. offset+length)} and emits every output sample now complete. */
    void process(float[] samples, int offset, int length, SampleSink sink);

    /** Ends the input after {@code inputCount} samples: emits the rest, up to {@code outputLength} samples in all. */
    void finish(long outputLength, SampleSink sink);
}
