package dev.audiopipeline.training.evaluation;

import java.util.Collection;

/**
 * Share of examples whose true label is among their {@code k} best-ranked labels (sklearn's
 * {@code top_k_accuracy_score}, except that equal scores are ranked by label order, as every prediction here is;
 * sklearn's order among equal scores is its sort's).
 */
public final class TopKAccuracy {
    private TopKAccuracy() {
    }

    public static double of(Collection<ScoredExample> examples, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("top-" + k + " accuracy of no examples");
        }
        long hits = 0;
        for (ScoredExample example : examples) {
            int[] ranking = example.ranking();
            for (int rank = 0; rank < Math.min(k, ranking.length); rank++) {
                if (ranking[rank] == example.actual()) {
                    hits++;
                    break;
                }
            }
        }
        return (double) hits / examples.size();
    }
}
