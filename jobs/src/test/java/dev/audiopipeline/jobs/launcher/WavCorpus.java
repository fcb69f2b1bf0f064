package dev.audiopipeline.jobs.launcher;

import dev.audiopipeline.pipeline.corpus.WavWriter;
import dev.audiopipeline.pipeline.segment.SegmentSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A folder of short labelled tracks ({@code ROOT/<label>/<name>.wav}, mono 16-bit at 22050 Hz, the extract
 * default, so nothing is resampled) and unusable files, with the segments the extract job must give each track
 * under the default segment settings (3-s segments every 3 s, the tail dropped).
 */
final class WavCorpus {

    static final int RATE = 22050;

    private final Path root;
    private final Map<Path, List<Integer>> segments = new HashMap<>();
    private final Set<Path> unusable = new HashSet<>();

    WavCorpus(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /**
     * Adds (or rewrites) {@code count} tracks {@code <label>/<prefix>-NN.wav} of 3.2 to 7 s, every one a little
     * different (length, pitch).
     */
    void addTracks(String label, String prefix, int count) throws IOException {
        addTracks(label, prefix, count, 150, 37);
    }

    /**
     * As {@link #addTracks(String, String, int)}, track {@code i}'s tone at {@code hertz + i * step} Hz: tracks of
     * distinct pitch ranges make labels a model can tell apart.
     */
    void addTracks(String label, String prefix, int count, double hertz, double step) throws IOException {
        for (int i = 0; i < count; i++) {
            double seconds = 3.2 + (i * 0.61) % 3.8;
            addTrack(label, String.format(Locale.ROOT, "%s-%02d.wav", prefix, i), seconds, hertz + step * i);
        }
    }

    /** Writes one track of a tone with a little deterministic noise; returns its path. */
    Path addTrack(String label, String name, double seconds, double hertz) throws IOException {
        float[] samples = new float[(int) Math.round(seconds * RATE)];
        long noise = name.hashCode();
        for (int i = 0; i < samples.length; i++) {
            noise = noise * 6364136223846793005L + 1442695040888963407L;
            double hiss = (noise >>> 40) / 8388608.0 - 1; // uniform in [-1, 1)
            samples[i] = (float) (0.3 * Math.sin(2 * Math.PI * hertz * i / RATE) + 0.02 * hiss);
        }
        Path file = Files.createDirectories(root.resolve(label)).resolve(name);
        WavWriter.of(WavWriter.Encoding.PCM_16).write(file, samples, RATE);
        segments.put(file, segmentsOf(samples.length));
        return file;
    }

    /** Adds a file named .wav that holds text: the job must reject it as unsupported_format. */
    Path addUnusable(String label, String name) throws IOException {
        Path file = Files.createDirectories(root.resolve(label)).resolve(name);
        Files.writeString(file, "not audio, only a name that says so\n", StandardCharsets.UTF_8);
        unusable.add(file);
        return file;
    }

    /** What the extract job must publish for the corpus as it is now. */
    Expected expected() {
        return new Expected(Map.copyOf(segments), Set.copyOf(unusable));
    }

    /**
     * What the output must hold.
     *
     * @param segments every track and the segment numbers it must have in features/, in order
     * @param unusable the files that must be in rejected/
     */
    record Expected(Map<Path, List<Integer>> segments, Set<Path> unusable) {

        int files() {
            return segments.size() + unusable.size();
        }

        long segmentCount() {
            return segments.values().stream().mapToLong(List::size).sum();
        }
    }

    /** Segment numbers of a track of {@code samples} samples, as the Segmenter cuts with the default settings. */
    private static List<Integer> segmentsOf(int samples) {
        SegmentSettings settings = SegmentSettings.defaults();
        int length = settings.segmentSamples(RATE);
        int hop = settings.hopSamples(RATE);
        int count = samples < length ? 0 : (samples - length) / hop + 1;
        return IntStream.range(0, count).boxed().toList();
    }
}
