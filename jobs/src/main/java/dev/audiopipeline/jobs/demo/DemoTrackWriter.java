package dev.audiopipeline.jobs.demo;

import dev.audiopipeline.pipeline.corpus.CompressedAudioWriter;
import dev.audiopipeline.pipeline.corpus.SyntheticTrack;
import dev.audiopipeline.pipeline.corpus.WavWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;

/** Renders planned tracks with the synthetic generator and writes each in its format, several at once. */
final class DemoTrackWriter {

    /** The right channel's echo of the left, in seconds: a slightly wider image than two equal channels. */
    private static final double ECHO_SECONDS = 0.012;

    private DemoTrackWriter() {}

    static void writeAll(List<PlannedTrack> tracks, double seconds, int threads) throws IOException {
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try {
            pool.submit(() -> tracks.parallelStream().forEach(track -> {
                try {
                    write(track, seconds);
                } catch (IOException e) {
                    throw new UncheckedIOException(track.path() + ": " + e.getMessage(), e);
                }
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the demo's audio", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IOException("writing the demo's audio failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    static void write(PlannedTrack track, double seconds) throws IOException {
        TrackFormat format = track.format();
        float[] mono = SyntheticTrack.render(track.style(), seconds, format.sampleRate(), track.seed());
        Files.createDirectories(track.path().getParent());
        if (format.encoding() == null) {
            WavWriter.of(WavWriter.Encoding.PCM_16).write(track.path(), mono, format.sampleRate());
        } else {
            float[][] channels = format.channels() == 1 ? new float[][] {mono}
                    : new float[][] {mono, echoed(mono, format.sampleRate())};
            CompressedAudioWriter.write(track.path(), format.encoding(), channels, format.sampleRate(), track.tag());
        }
    }

    private static float[] echoed(float[] mono, int sampleRate) {
        int delay = (int) Math.round(ECHO_SECONDS * sampleRate);
        float[] out = new float[mono.length];
        for (int i = 0; i < mono.length; i++) {
            out[i] = 0.8f * mono[i] + (i >= delay ? 0.2f * mono[i - delay] : 0f);
        }
        return out;
    }
}
