package dev.audiopipeline.pipeline.tags;

import java.io.Serializable;
import java.util.Objects;

/**
 * One genre a file carries.
 *
 * @param raw the value as stored in the tag it came from, without surrounding white space and NULs (e.g.
 *     {@code "(17)Rock"}, {@code "Rock/Pop"}, {@code "18"} for an MP4 {@code gnre} atom); several genres share a
 *     raw value when it held several
 * @param genre the single genre read from it: ID3 numbers resolved to names, separators split (e.g.
 *     {@code "Rock"}, {@code "Pop"}), trimmed, otherwise as written
 */
public record GenreTag(String raw, String genre) implements Serializable {

    private static final long serialVersionUID = 1L;

    public GenreTag {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(genre, "genre");
    }
}
