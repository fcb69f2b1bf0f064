package dev.audiopipeline.training.evaluation;

/**
 * A cell off the confusion matrix's diagonal: examples of {@code actual} predicted as {@code predicted}.
 *
 * @param shareOfActual the count over the support of {@code actual}
 */
public record ConfusedPair(String actual, String predicted, long count, double shareOfActual) {
}
