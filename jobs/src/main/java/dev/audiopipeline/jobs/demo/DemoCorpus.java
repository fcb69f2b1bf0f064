package dev.audiopipeline.jobs.demo;

import dev.audiopipeline.pipeline.corpus.GenreStyle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo's labelled corpus in the {@code ROOT/train/<label>/...}, {@code ROOT/test/<label>/...} layout: a quarter
 * of each label's tracks held out for testing, the formats taking turns (every other track WAV at 22050 Hz mono,
 * the others MP3, FLAC and Ogg Vorbis at 44.1 kHz stereo), untagged (labels come from the folders), plus one
 * file that is not audio at all.
 *
 * @param styles one per label
 * @param tracksPerLabel tracks per label, train and test together (at least 4: one test, two training of which one
 *     validation, and one more)
 * @param seconds each track's length
 * @param seed varies every track
 */
public record DemoCorpus(List<GenreStyle> styles, int tracksPerLabel, double seconds, long seed) {

    /** Text posing as an MP3, among the training files: extraction must reject it and carry on. */
    public static final String BROKEN_FILE = "liner-notes.mp3";

    /** Half WAV, half compressed (encoding and decoding 44.1 kHz stereo costs the most of the demo's audio). */
    private static final TrackFormat[] FORMATS = {TrackFormat.WAV, TrackFormat.MP3, TrackFormat.WAV,
        TrackFormat.FLAC, TrackFormat.WAV, TrackFormat.OGG};

    public DemoCorpus {
        styles = List.copyOf(styles);
        if (styles.size() < 2 || tracksPerLabel < 4 || !(seconds > 0)) {
            throw new IllegalArgumentException("the demo corpus needs at least 2 labels, 4 tracks per label and "
                    + "tracks longer than 0 s");
        }
    }

    /** What was written. */
    public record Written(List<PlannedTrack> tracks, Path brokenFile) {}

    public int testPerLabel() {
        return Math.max(1, tracksPerLabel / 4);
    }

    /** Every track, label by label, test tracks first. */
    public List<PlannedTrack> plan(Path root) {
        List<PlannedTrack> tracks = new ArrayList<>();
        for (int label = 0; label < styles.size(); label++) {
            GenreStyle style = styles.get(label);
            for (int i = 0; i < tracksPerLabel; i++) {
                String split = i < testPerLabel() ? "test" : "train";
                TrackFormat format = FORMATS[i % FORMATS.length];
                Path path = root.resolve(split).resolve(style.label()).resolve(String.format(Locale.ROOT,
                        "%s.%05d.%s", style.label(), i, format.extension()));
                tracks.add(new PlannedTrack(path, style, seed * 1_000_003L + (long) label * tracksPerLabel + i,
                        format, null));
            }
        }
        return tracks;
    }

    public Written write(Path root, int threads) throws IOException {
        List<PlannedTrack> tracks = plan(root);
        DemoTrackWriter.writeAll(tracks, seconds, threads);
        Path broken = root.resolve("train").resolve(styles.get(0).label()).resolve(BROKEN_FILE);
        Files.writeString(broken, "Liner notes, not audio: recorded live, mixed in a hurry.\n",
                StandardCharsets.UTF_8);
        return new Written(tracks, broken);
    }
}
