package dev.audiopipeline.training.evaluation;

import dev.audiopipeline.training.prediction.Labels;
import java.util.Collection;

/**
 * Counts of (true label, predicted label): {@code counts[actual][predicted]}, rows and columns in the model's
 * label order (sklearn's {@code confusion_matrix(y_true, y_pred, labels=labels)}).
 */
public record ConfusionMatrix(Labels labels, long[][] counts) {

    public static ConfusionMatrix of(Labels labels, Collection<ScoredExample> examples) {
        long[][] counts = new long[labels.size()][labels.size()];
        for (ScoredExample example : examples) {
            counts[example.actual()][example.predicted()]++;
        }
        return new ConfusionMatrix(labels, counts);
    }

    public long count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /** Examples whose true label is {@code label}: the row sum. */
    public long support(int label) {
        long sum = 0;
        for (long count : counts[label]) {
            sum += count;
        }
        return sum;
    }

    /** Examples predicted as {@code label}: the column sum. */
    public long predicted(int label) {
        long sum = 0;
        for (long[] row : counts) {
            sum += row[label];
        }
        return sum;
    }

    public long total() {
        long sum = 0;
        for (int label = 0; label < counts.length; label++) {
            sum += support(label);
        }
        return sum;
    }

    public long correct() {
        long sum = 0;
        for (int label = 0; label < counts.length; label++) {
            sum += counts[label][label];
        }
        return sum;
    }

    /**
     * Each row divided by its sum (the share of a true label's examples predicted as each label); 0 where the row
     * is empty.
     */
    public double[][] rowNormalised() {
        double[][] shares = new double[counts.length][counts.length];
        for (int actual = 0; actual < counts.length; actual++) {
            long support = support(actual);
            for (int predicted = 0; predicted < counts.length && support > 0; predicted++) {
                shares[actual][predicted] = (double) counts[actual][predicted] / support;
            }
        }
        return shares;
    }
}
