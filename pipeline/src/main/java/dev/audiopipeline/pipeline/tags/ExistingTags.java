package dev.audiopipeline.pipeline.tags;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The genres a file already carries, in the order its tag lists them, and where they came from.
 *
 * @param source the tag format, {@link TagSource#NONE} when no genre was found
 * @param genres the genres found, in tag order, no two equal ignoring case; empty for {@link TagSource#NONE}
 * @param detail why there are none (e.g. "no genre in the ID3v2 tag", "jaudiotagger: ..."), or null when found
 */
public record ExistingTags(TagSource source, List<GenreTag> genres, String detail) implements Serializable {

    private static final long serialVersionUID = 1L;

    public ExistingTags {
        Objects.requireNonNull(source, "source");
        genres = List.copyOf(genres);
        if (genres.isEmpty() != (source == TagSource.NONE)) {
            throw new IllegalArgumentException("source " + source + " with " + genres.size() + " genres");
        }
    }

    /** Genres found in {@code source}; {@code genres} must not be empty. */
    public static ExistingTags of(TagSource source, List<GenreTag> genres) {
        return new ExistingTags(source, genres, null);
    }

    /** No genre, and why. */
    public static ExistingTags none(String detail) {
        return new ExistingTags(TagSource.NONE, List.of(), Objects.requireNonNull(detail, "detail"));
    }

    public boolean found() {
        return source != TagSource.NONE;
    }

    /** The genres' names, in order. */
    public List<String> names() {
        List<String> names = new ArrayList<>(genres.size());
        for (GenreTag genre : genres) {
            names.add(genre.genre());
        }
        return names;
    }

    /** The stored values the genres came from, in order, each once. */
    public List<String> rawValues() {
        LinkedHashSet<String> raw = new LinkedHashSet<>();
        for (GenreTag genre : genres) {
            raw.add(genre.raw());
        }
        return List.copyOf(raw);
    }

    /**
     * This if it found a genre, else what {@code fallback} finds; when neither does, one {@link #none} whose detail
     * gives both reasons.
     */
    public ExistingTags orElse(Supplier<ExistingTags> fallback) {
        if (found()) {
            return this;
        }
        ExistingTags other = fallback.get();
        return other.found() ? other : none(detail + "; " + other.detail());
    }
}
