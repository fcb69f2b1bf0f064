package dev.audiopipeline.training.baselines;

import java.io.Serializable;
import java.util.List;

/**
 * Running per-coordinate sums and counts of the finite values of equally long vectors, the aggregation behind
 * {@link StatsImputer}: mergeable, so Spark can aggregate it by partition and then across partitions.
 */
final class FiniteMeans implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String column;
    private double[] sums;
    private long[] counts;
    private long rows;

    /** @param column the column's name, for the error messages */
    FiniteMeans(String column) {
        this.column = column;
    }

    /** Adds one row's values (nulls and non-finite values count as missing). */
    FiniteMeans add(List<Double> values) {
        if (values == null) {
            throw new IllegalArgumentException("a training row has no '" + column + "' (null)");
        }
        sized(values.size());
        for (int i = 0; i < sums.length; i++) {
            Double value = values.get(i);
            if (value != null && Double.isFinite(value)) {
                sums[i] += value;
                counts[i]++;
            }
        }
        rows++;
        return this;
    }

    FiniteMeans merge(FiniteMeans other) {
        if (other.sums == null) {
            return this;
        }
        sized(other.sums.length);
        for (int i = 0; i < sums.length; i++) {
            sums[i] += other.sums[i];
            counts[i] += other.counts[i];
        }
        rows += other.rows;
        return this;
    }

    long rows() {
        return rows;
    }

    /** The mean of each coordinate's finite values; 0 where a coordinate had none. */
    double[] means() {
        if (sums == null) {
            throw new IllegalArgumentException("no rows to compute the '" + column + "' means from");
        }
        double[] means = new double[sums.length];
        for (int i = 0; i < means.length; i++) {
            means[i] = counts[i] == 0 ? 0.0 : sums[i] / counts[i];
        }
        return means;
    }

    private void sized(int size) {
        if (sums == null) {
            sums = new double[size];
            counts = new long[size];
        } else if (sums.length != size) {
            throw new IllegalArgumentException("rows of '" + column + "' differ in length: " + sums.length
                    + " and " + size + " values (features extracted with different settings?)");
        }
    }
}
