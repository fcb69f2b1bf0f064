package dev.audiopipeline.features;

import java.util.List;

/**
 * A fixed-length summary-statistics vector and its names (see {@link SummaryStatistics} for the layout:
 * for each feature in the order given, for each column, the six statistics).
 */
public final class FeatureStatistics {

    private final List<String> names;
    private final double[] values;

    FeatureStatistics(List<String> names, double[] values) {
        if (names.size() != values.length) {
            throw new IllegalArgumentException(names.size() + " names for " + values.length + " values");
        }
        this.names = List.copyOf(names);
        this.values = values;
    }

    /** Names such as {@code mfcc_03_mean}; unmodifiable. */
    public List<String> names() {
        return names;
    }

    /** The values, in the order of {@link #names()}; a copy. */
    public double[] values() {
        return values.clone();
    }

    /** The value named {@code name}. */
    public double get(String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no statistic named '" + name + "'");
        }
        return values[index];
    }

    public int size() {
        return values.length;
    }
}
