package dev.audiopipeline.training.evaluation;

/**
 * Precision, recall and F1 of one label, as sklearn's {@code precision_recall_fscore_support(...,
 * zero_division=0)}: a ratio whose denominator is 0 is 0 (a label never predicted has precision 0; a label absent
 * from the truth has recall 0 and support 0). F1 is {@code 2 tp / (2 tp + fp + fn)}.
 */
public record ClassMetrics(double precision, double recall, double f1, long support) {

    public static ClassMetrics of(ConfusionMatrix matrix, int label) {
        long truePositives = matrix.count(label, label);
        long support = matrix.support(label);
        long predicted = matrix.predicted(label);
        long falsePositives = predicted - truePositives;
        long falseNegatives = support - truePositives;
        return new ClassMetrics(
                ratio(truePositives, predicted),
                ratio(truePositives, support),
                ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives),
                support);
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }
}
