package dev.audiopipeline.pipeline.audio;

import dev.audiopipeline.features.resample.FloatArrayCollector;
import dev.audiopipeline.features.resample.ResampleType;
import dev.audiopipeline.pipeline.decode.AudioDecoders;
import dev.audiopipeline.pipeline.decode.AudioStream;
import dev.audiopipeline.pipeline.decode.AudioStreamInfo;
import dev.audiopipeline.pipeline.decode.SeekableSource;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a whole input as librosa's {@code load(path, sr=rate, mono=True)} does: decode, average the channels,
 * resample to {@code rate} with {@link dev.audiopipeline.features.resample.StreamingResampler} ({@code res_type}). For one file on one
 * machine (the {@code features} command); the Spark jobs stream segments instead of holding whole files.
 */
public final class MonoAudioReader {

    private final int targetRate;
    private final ResampleType resType;

    /** At {@code targetRate}, resampled with librosa's default {@code soxr_hq}. */
    public MonoAudioReader(int targetRate) {
        this(targetRate, ResampleType.DEFAULT);
    }

    public MonoAudioReader(int targetRate, ResampleType resType) {
        if (targetRate <= 0) {
            throw new IllegalArgumentException("target sample rate must be > 0, got " + targetRate);
        }
        this.targetRate = targetRate;
        this.resType = java.util.Objects.requireNonNull(resType, "resType");
    }

    /**
     * Decodes all of {@code in} (which this method closes).
     *
     * @param name the path or URI, used in error details
     * @throws dev.audiopipeline.pipeline.decode.AudioDecodeException with a reason if the input is not usable
     */
    public DecodedAudio read(InputStream in, String name) throws IOException {
        return read(AudioDecoders.open(in, name), name);
    }

    /**
     * Decodes all of {@code source} (which this method closes). Prefer this for files: containers that keep their
     * index at the end (M4A) need to seek.
     */
    public DecodedAudio read(SeekableSource source, String name) throws IOException {
        return read(AudioDecoders.open(source, name), name);
    }

    private DecodedAudio read(AudioStream opened, String name) throws IOException {
        try (AudioStream stream = opened) {
            AudioStreamInfo info = stream.info();
            FloatArrayCollector collector = new FloatArrayCollector(initialCapacity(info));
            MonoResamplingPump.pump(stream, targetRate, resType, collector, () -> false, name);
            return new DecodedAudio(collector.toArray(), targetRate, info);
        }
    }

    private int initialCapacity(AudioStreamInfo info) {
        if (info.frames() < 0) {
            return 1 << 16;
        }
        long expected = (long) Math.ceil(info.frames() * (double) targetRate / info.sampleRate());
        return (int) Math.min(Integer.MAX_VALUE - 8, expected + 16);
    }
}
