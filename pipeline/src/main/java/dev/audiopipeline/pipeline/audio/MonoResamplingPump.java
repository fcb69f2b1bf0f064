package dev.audiopipeline.pipeline.audio;

import dev.audiopipeline.features.resample.ResampleType;
import dev.audiopipeline.features.resample.SampleSink;
import dev.audiopipeline.features.resample.StreamingResampler;
import dev.audiopipeline.pipeline.decode.AudioStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.function.BooleanSupplier;

/**
 * The loop every reader runs: decode a block, average the channels, resample to the target rate, hand the samples
 * on. Holds one block, never the file. Stops early when the consumer has enough, and when the thread is interrupted
 * (a per-file time limit ran out).
 */
final class MonoResamplingPump {

    private static final int BLOCK_FRAMES = 8192;

    private MonoResamplingPump() {}

    /**
     * Pumps {@code stream} to its end, or until {@code enough} says so, into {@code sink} at {@code targetRate},
     * resampled with {@code type}.
     * The resampler's tail is flushed only when the stream was read to its end.
     */
    static void pump(AudioStream stream, int targetRate, ResampleType type, SampleSink sink, BooleanSupplier enough,
                     String name) throws IOException {
        int channels = stream.info().channels();
        StreamingResampler resampler = new StreamingResampler(stream.info().sampleRate(), targetRate, type);
        float[] interleaved = new float[BLOCK_FRAMES * channels];
        float[] mono = new float[BLOCK_FRAMES];
        int frames;
        while (!enough.getAsBoolean() && (frames = stream.read(interleaved, BLOCK_FRAMES)) > 0) {
            if (Thread.interrupted()) {
                throw new InterruptedIOException(name + ": reading interrupted");
            }
            Downmix.toMono(interleaved, frames, channels, mono);
            resampler.process(mono, 0, frames, sink);
        }
        if (!enough.getAsBoolean()) {
            resampler.finish(sink);
        }
    }
}
