package dev.audiopipeline.training.prediction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Column names for the probability of each label, in the model's label order, safe as CSV headers and as Parquet
 * and Spark column names: {@code prob_} then the label with every character that is not a letter, a digit or
 * {@code _} replaced by {@code _} ({@code hip-hop} gives {@code prob_hip_hop}). Labels that would give the same
 * name get {@code _2}, {@code _3}, ... in label order, so every label has its own column.
 */
public final class ProbabilityColumns {
    public static final String PREFIX = "prob_";

    private ProbabilityColumns() {
    }

    public static List<String> names(Labels labels) {
        List<String> names = new ArrayList<>(labels.size());
        Set<String> taken = new HashSet<>();
        for (String label : labels.names()) {
            String base = PREFIX + sanitise(label);
            String name = base;
            for (int suffix = 2; !taken.add(name); suffix++) {
                name = base + "_" + suffix;
            }
            names.add(name);
        }
        return names;
    }

    private static String sanitise(String label) {
        StringBuilder safe = new StringBuilder(label.length());
        label.codePoints().forEach(c -> safe.appendCodePoint(Character.isLetterOrDigit(c) || c == '_' ? c : '_'));
        return safe.toString();
    }
}
