package dev.audiopipeline.pipeline.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Writes a labelled corpus of synthetic WAV tracks in the {@code ROOT/<label>/<label>.NNNNN.wav} layout (GTZAN's),
 * for the demo and the benchmarks: no download, the same bytes for the same arguments.
 *
 * @param styles one per label
 * @param filesPerLabel tracks per label
 * @param seconds each track's length
 * @param sampleRate the WAVs' rate
 * @param seed varies every track
 */
public record SyntheticCorpus(List<GenreStyle> styles, int filesPerLabel, double seconds, int sampleRate, long seed) {

    public SyntheticCorpus {
        styles = List.copyOf(styles);
        if (styles.isEmpty() || filesPerLabel < 1 || !(seconds > 0) || sampleRate < 1000) {
            throw new IllegalArgumentException("a corpus needs styles, files per label >= 1, seconds > 0 and a "
                    + "sample rate >= 1000 Hz");
        }
    }

    /**
     * Writes the tracks below {@code root} as 16-bit PCM WAV, in parallel on {@code threads} threads; a file that
     * already exists with the expected size is kept (so a benchmark corpus is made once).
     *
     * @return the files, in label and index order
     */
    public List<Path> write(Path root, int threads) throws IOException {
        List<Path> files = new ArrayList<>();
        for (GenreStyle style : styles) {
            Files.createDirectories(root.resolve(style.label()));
            for (int i = 0; i < filesPerLabel; i++) {
                files.add(root.resolve(style.label()).resolve(String.format(Locale.ROOT, "%s.%05d.wav",
                        style.label(), i)));
            }
        }
        long expectedSize = 44 + 2L * Math.round(seconds * sampleRate);
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(Math.max(1, threads));
        try {
            pool.submit(() -> IntStream.range(0, files.size()).parallel().forEach(index -> {
                Path file = files.get(index);
                try {
                    if (Files.isRegularFile(file) && Files.size(file) == expectedSize) {
                        return;
                    }
                    GenreStyle style = styles.get(index / filesPerLabel);
                    float[] samples = SyntheticTrack.render(style, seconds, sampleRate, seed * 1_000_003L + index);
                    WavWriter.of(WavWriter.Encoding.PCM_16).write(file, samples, sampleRate);
                } catch (IOException e) {
                    throw new UncheckedIOException(file + ": " + e.getMessage(), e);
                }
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the corpus", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IOException("writing the corpus failed: " + cause, cause);
        } finally {
            pool.shutdown();
        }
        return files;
    }
}
