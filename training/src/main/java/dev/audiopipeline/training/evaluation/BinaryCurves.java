package dev.audiopipeline.training.evaluation;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;

/**
 * ROC and precision-recall of one label against the rest, from every distinct score taken as a threshold
 * (a score at or above the threshold counts as predicting the label), highest threshold first, as sklearn's
 * {@code roc_curve} and {@code precision_recall_curve}. Equal scores are one threshold: they enter the curves
 * together, so ties give diagonal ROC steps (half credit), as in sklearn's {@code roc_auc_score}.
 */
public final class BinaryCurves {
    private final long positives;
    private final long negatives;
    /** Cumulative true and false positives at each distinct threshold, highest threshold first. */
    private final long[] truePositives;
    private final long[] falsePositives;

    private BinaryCurves(long positives, long negatives, long[] truePositives, long[] falsePositives) {
        this.positives = positives;
        this.negatives = negatives;
        this.truePositives = truePositives;
        this.falsePositives = falsePositives;
    }

    /** @param positive whether example {@code i} belongs to the label; {@code scores[i]} its score for it */
    public static BinaryCurves of(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException(scores.length + " scores for " + positive.length + " examples");
        }
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        long[] tps = new long[scores.length];
        long[] fps = new long[scores.length];
        int thresholds = 0;
        long tp = 0;
        long fp = 0;
        for (int rank = 0; rank < order.length; rank++) {
            if (positive[order[rank]]) {
                tp++;
            } else {
                fp++;
            }
            boolean lastOfThreshold = rank == order.length - 1 || scores[order[rank + 1]] != scores[order[rank]];
            if (lastOfThreshold) {
                tps[thresholds] = tp;
                fps[thresholds] = fp;
                thresholds++;
            }
        }
        return new BinaryCurves(tp, fp, Arrays.copyOf(tps, thresholds), Arrays.copyOf(fps, thresholds));
    }

    /** The curves of {@code label} against every other label, scored by each example's score for {@code label}. */
    public static BinaryCurves oneVsRest(Collection<ScoredExample> examples, int label) {
        double[] scores = new double[examples.size()];
        boolean[] positive = new boolean[examples.size()];
        int i = 0;
        for (ScoredExample example : examples) {
            scores[i] = example.scores()[label];
            positive[i] = example.actual() == label;
            i++;
        }
        return of(scores, positive);
    }

    public long positives() {
        return positives;
    }

    public long negatives() {
        return negatives;
    }

    /** Whether ROC AUC is defined: the examples hold both positives and negatives. */
    public boolean hasRoc() {
        return positives > 0 && negatives > 0;
    }

    /** Whether average precision is defined: the examples hold at least one positive. */
    public boolean hasPrecisionRecall() {
        return positives > 0;
    }

    /**
     * Area under the ROC curve by the trapezoidal rule (sklearn's {@code roc_auc_score}); null when the examples
     * hold no positive or no negative (sklearn raises there).
     */
    public Double rocAuc() {
        if (!hasRoc()) {
            return null;
        }
        double area = 0.0;
        long previousTp = 0;
        long previousFp = 0;
        for (int i = 0; i < truePositives.length; i++) {
            area += (double) (falsePositives[i] - previousFp) * (truePositives[i] + previousTp) / 2.0;
            previousTp = truePositives[i];
            previousFp = falsePositives[i];
        }
        return area / ((double) positives * negatives);
    }

    /**
     * Average precision, sklearn's {@code average_precision_score}: {@code sum_n (R_n - R_(n-1)) P_n} over the
     * thresholds, highest first, with {@code R_0 = 0} (no interpolation). Null when the examples hold no positive
     * (sklearn warns and returns 0 there).
     */
    public Double averagePrecision() {
        if (!hasPrecisionRecall()) {
            return null;
        }
        double sum = 0.0;
        long previousTp = 0;
        for (int i = 0; i < truePositives.length; i++) {
            long gained = truePositives[i] - previousTp;
            if (gained > 0) {
                double precision = (double) truePositives[i] / (truePositives[i] + falsePositives[i]);
                sum += (double) gained / positives * precision;
            }
            previousTp = truePositives[i];
        }
        return sum;
    }

    /**
     * The ROC curve, false-positive rate (x) against true-positive rate (y), from (0, 0) to (1, 1); empty when
     * undefined.
     */
    public CurvePoints roc() {
        if (!hasRoc()) {
            return new CurvePoints(new double[0], new double[0]);
        }
        double[] fpr = new double[truePositives.length + 1];
        double[] tpr = new double[truePositives.length + 1];
        for (int i = 0; i < truePositives.length; i++) {
            fpr[i + 1] = (double) falsePositives[i] / negatives;
            tpr[i + 1] = (double) truePositives[i] / positives;
        }
        return new CurvePoints(fpr, tpr);
    }

    /**
     * The precision-recall curve as steps, recall (x) against precision (y): from recall 0 at the first
     * threshold's precision, each threshold's recall reached at its own precision, so the area under the steps is
     * {@link #averagePrecision()}. Empty when undefined.
     */
    public CurvePoints precisionRecall() {
        if (!hasPrecisionRecall()) {
            return new CurvePoints(new double[0], new double[0]);
        }
        double[] recall = new double[2 * truePositives.length];
        double[] precision = new double[2 * truePositives.length];
        double previousRecall = 0.0;
        for (int i = 0; i < truePositives.length; i++) {
            double thresholdPrecision = (double) truePositives[i] / (truePositives[i] + falsePositives[i]);
            double thresholdRecall = (double) truePositives[i] / positives;
            recall[2 * i] = previousRecall;
            precision[2 * i] = thresholdPrecision;
            recall[2 * i + 1] = thresholdRecall;
            precision[2 * i + 1] = thresholdPrecision;
            previousRecall = thresholdRecall;
        }
        return new CurvePoints(recall, precision);
    }
}
