package dev.audiopipeline.pipeline.tags;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A file's tags in the model's terms.
 *
 * @param source where the tags came from ({@code tag_source})
 * @param rawValues the stored genre values, as written (empty when untagged)
 * @param labels the model labels the genres map to, in tag order, each once; the first is {@link #label()}
 * @param unmappedGenres the genres that map to no label, as written (never guessed)
 */
public record MappedTag(TagSource source, List<String> rawValues, List<String> labels, List<String> unmappedGenres)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public MappedTag {
        Objects.requireNonNull(source, "source");
        rawValues = List.copyOf(rawValues);
        labels = List.copyOf(labels);
        unmappedGenres = List.copyOf(unmappedGenres);
    }

    /** The label of the file's first genre that has one ({@code existing_label}), or null. */
    public String label() {
        return labels.isEmpty() ? null : labels.get(0);
    }

    /** True when the file carries genres but none maps to a label. */
    public boolean unmapped() {
        return labels.isEmpty() && !rawValues.isEmpty();
    }

    /** True when the file carries a genre. */
    public boolean tagged() {
        return !rawValues.isEmpty();
    }
}
