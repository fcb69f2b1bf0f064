package dev.audiopipeline.training.prediction;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The ordered labels a model predicts: position {@code i} of every probability vector is the probability of
 * {@code name(i)}. The order is the model's (the bundle's label list); it also breaks ties (see {@link Ranking}).
 */
public final class Labels implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<String> names;
    private final Map<String, Integer> indexByName;

    private Labels(List<String> names) {
        this.names = List.copyOf(names);
        this.indexByName = new HashMap<>();
        for (int i = 0; i < this.names.size(); i++) {
            if (indexByName.put(this.names.get(i), i) != null) {
                throw new IllegalArgumentException("label '" + this.names.get(i) + "' appears twice in " + names);
            }
        }
    }

    /** @param names distinct, non-null labels, at least one, in the model's order */
    public static Labels of(List<String> names) {
        Objects.requireNonNull(names, "names");
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one label");
        }
        return new Labels(names);
    }

    public static Labels of(String... names) {
        return of(List.of(names));
    }

    public List<String> names() {
        return names;
    }

    public int size() {
        return names.size();
    }

    public String name(int index) {
        return names.get(index);
    }

    /** The position of {@code label}, or -1 when the model does not know it. */
    public int indexOf(String label) {
        Integer index = indexByName.get(label);
        return index == null ? -1 : index;
    }

    /** The position of {@code label}; an exception naming the label and the model's labels when it is unknown. */
    public int require(String label) {
        int index = indexOf(label);
        if (index < 0) {
            throw new IllegalArgumentException("label '" + label + "' is not one of the model's labels " + names);
        }
        return index;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Labels labels && labels.names.equals(names);
    }

    @Override
    public int hashCode() {
        return names.hashCode();
    }

    @Override
    public String toString() {
        return names.toString();
    }
}
