package dev.audiopipeline.training.prediction;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Label positions ordered best first. Every prediction in the product ranks labels this one way, so the predicted
 * label, the top-k list and top-2 accuracy always agree:
 * <ol>
 *   <li>higher score first;</li>
 *   <li>on equal scores, higher tie-break score first (when one is given);</li>
 *   <li>then the label that comes first in the model's label order.</li>
 * </ol>
 * The first position alone is what {@code numpy.argmax} returns when no tie-break score is given.
 */
public final class Ranking {
    private Ranking() {
    }

    /** Positions of {@code scores}, highest first, ties by label order. */
    public static int[] byScore(double[] scores) {
        return byScoreThen(scores, null);
    }

    /**
     * Positions of {@code scores}, highest first; ties by {@code tieBreak} (highest first), then by label order.
     *
     * @param tieBreak null, or as long as {@code scores}
     */
    public static int[] byScoreThen(double[] scores, double[] tieBreak) {
        if (tieBreak != null && tieBreak.length != scores.length) {
            throw new IllegalArgumentException(
                    "tie-break scores have " + tieBreak.length + " values, scores " + scores.length);
        }
        Comparator<Integer> order = Comparator.comparingDouble((Integer i) -> scores[i]).reversed();
        if (tieBreak != null) {
            order = order.thenComparing(Comparator.comparingDouble((Integer i) -> tieBreak[i]).reversed());
        }
        Integer[] positions = new Integer[scores.length];
        Arrays.setAll(positions, i -> i);
        Arrays.sort(positions, order.thenComparingInt(i -> i));
        return Arrays.stream(positions).mapToInt(Integer::intValue).toArray();
    }

    /** The best position alone: the highest score, the first of equal ones. */
    public static int best(double[] scores) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return best;
    }
}
