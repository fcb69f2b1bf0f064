package dev.audiopipeline.features;

import java.util.List;
import java.util.function.Supplier;

/**
 * A fixed-length summary-statistics vector and its names (see {@link SummaryStatistics} for the layout:
 * for each feature in the order given, for each column, the six statistics). The names are built on first use:
 * the extract job takes only the values of every segment, and formatting 888 names per segment cost more than
 * the statistics themselves.
 */
public final class FeatureStatistics {

    private final Supplier<List<String>> nameSource;
    private final double[] values;
    private List<String> names;

    FeatureStatistics(Supplier<List<String>> names, double[] values) {
        this.nameSource = names;
        this.values = values;
    }

    /** Names such as {@code mfcc_03_mean}; unmodifiable. */
    public synchronized List<String> names() {
        if (names == null) {
            List<String> built = List.copyOf(nameSource.get());
            if (built.size() != values.length) {
                throw new IllegalStateException(built.size() + " names for " + values.length + " values");
            }
            names = built;
        }
        return names;
    }

    /** The values, in the order of {@link #names()}; a copy. */
    public double[] values() {
        return values.clone();
    }

    /** The value named {@code name}. */
    public double get(String name) {
        int index = names().indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no statistic named '" + name + "'");
        }
        return values[index];
    }

    public int size() {
        return values.length;
    }
}
