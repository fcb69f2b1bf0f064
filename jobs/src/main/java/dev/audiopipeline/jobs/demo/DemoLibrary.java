package dev.audiopipeline.jobs.demo;

import dev.audiopipeline.pipeline.corpus.GenreStyle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The "music library" the demo scores: further tracks of each style, never seen in training, named after what
 * they sound like ({@code <style>-NN.<ext>}) so that a person can judge the results. Per style: an MP3, a FLAC and
 * an Ogg Vorbis file carrying a genre tag, and an untagged WAV; one of the three tagged files carries the next
 * style's genre instead of its own (which file rotates with the style, so every tag kind is mistagged somewhere):
 * those are the tracks {@code relabel.csv} should list.
 *
 * @param styles the styles (the model's labels)
 * @param seconds each track's length
 * @param seed varies every track (use another than the corpus's)
 */
public record DemoLibrary(List<GenreStyle> styles, double seconds, long seed) {

    private static final TrackFormat[] TAGGED = {TrackFormat.MP3, TrackFormat.FLAC, TrackFormat.OGG};

    public DemoLibrary {
        styles = List.copyOf(styles);
        if (styles.size() < 2) {
            throw new IllegalArgumentException("a library to relabel needs at least 2 styles");
        }
    }

    public List<PlannedTrack> plan(Path root) {
        List<PlannedTrack> tracks = new ArrayList<>();
        for (int label = 0; label < styles.size(); label++) {
            GenreStyle style = styles.get(label);
            String wrongTag = GenreTags.spelling(styles.get((label + 1) % styles.size()).label());
            for (int i = 0; i <= TAGGED.length; i++) {
                TrackFormat format = i < TAGGED.length ? TAGGED[i] : TrackFormat.WAV;
                String tag = !format.taggable() ? null
                        : i == label % TAGGED.length ? wrongTag : GenreTags.spelling(style.label());
                Path path = root.resolve(String.format(Locale.ROOT, "%s-%02d.%s", style.label(), i + 1,
                        format.extension()));
                tracks.add(new PlannedTrack(path, style, seed * 1_000_003L + label * 16L + i, format, tag));
            }
        }
        return tracks;
    }

    public List<PlannedTrack> write(Path root, int threads) throws IOException {
        List<PlannedTrack> tracks = plan(root);
        DemoTrackWriter.writeAll(tracks, seconds, threads);
        return tracks;
    }
}
