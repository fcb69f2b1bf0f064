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
 * @param rawValues the stored genre values, in order, each once (e.g. {@code "(17)"}, {@code "Rock/Pop"}), also
 *     those that added no genre of their own ({@code "Rock"} after {@code "(17)"})
 * @param genres the genres found, in tag order, no two equal ignoring case; empty for {@link TagSource#NONE}
 * @param detail why there are none (e.g. "no genre in the ID3v2 tag", "jaudiotagger: ..."), or null when found
 */
public record ExistingTags(TagSource source, List<String> rawValues, List<GenreTag> genres, String detail)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public ExistingTags {
        Objects.requireNonNull(source, "source");
        rawValues = List.copyOf(rawValues);
        genres = List.copyOf(genres);
        if (genres.isEmpty() != (source == TagSource.NONE)) {
            throw new IllegalArgumentException("source " + source + " with " + genres.size() + " genres");
        }
    }

    /**
     * The genres read from {@code source}: {@code parsed} in order, a genre equal (ignoring case) to an earlier one
     * dropped, its raw value kept. {@link #none} when {@code parsed} is empty.
     *
     * @param otherwise the detail when there are none
     */
    public static ExistingTags of(TagSource source, List<GenreTag> parsed, String otherwise) {
        LinkedHashSet<String> raw = new LinkedHashSet<>();
        List<GenreTag> genres = new ArrayList<>();
        for (GenreTag candidate : parsed) {
            raw.add(candidate.raw());
            if (genres.stream().noneMatch(genre -> genre.genre().equalsIgnoreCase(candidate.genre()))) {
                genres.add(candidate);
            }
        }
        return genres.isEmpty() ? none(otherwise) : new ExistingTags(source, List.copyOf(raw), genres, null);
    }

    /** No genre, and why. */
    public static ExistingTags none(String detail) {
        return new ExistingTags(TagSource.NONE, List.of(), List.of(), Objects.requireNonNull(detail, "detail"));
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
