package dev.audiopipeline.jobs.demo;

import dev.audiopipeline.pipeline.corpus.GenreStyle;
import java.nio.file.Path;

/**
 * One track the demo generates.
 *
 * @param path where it goes
 * @param style what it sounds like (its true label)
 * @param seed varies the track within its style
 * @param format how it is stored
 * @param tag the genre tag written into the file, or null for none
 */
public record PlannedTrack(Path path, GenreStyle style, long seed, TrackFormat format, String tag) {

    public PlannedTrack {
        if (tag != null && !format.taggable()) {
            throw new IllegalArgumentException(format + " files are written untagged: " + path);
        }
    }

    /** The track carries a tag that names another style than its own. */
    public boolean mistagged() {
        return tag != null && !GenreTags.spelling(style.label()).equals(tag);
    }

    public String fileName() {
        return path.getFileName().toString();
    }
}
