package dev.audiopipeline.training.evaluation;

/**
 * One evaluated example, a segment or a track: its true label and what the model scored.
 *
 * @param actual position of the true label in the model's labels
 * @param ranking label positions best first ({@link dev.audiopipeline.training.prediction.Ranking}); the first is
 *     the prediction
 * @param scores the score of every label (probabilities, or vote shares): what ROC and PR curves rank by, and the
 *     predicted label's score is the confidence calibration is measured on
 */
public record ScoredExample(int actual, int[] ranking, double[] scores) {

    public ScoredExample {
        if (ranking.length != scores.length || actual < 0 || actual >= scores.length) {
            throw new IllegalArgumentException("an example needs one score and one rank per label and a true label"
                    + " among them: " + scores.length + " scores, " + ranking.length + " ranks, true label "
                    + actual);
        }
    }

    public int predicted() {
        return ranking[0];
    }

    public boolean correct() {
        return ranking[0] == actual;
    }

    /** The predicted label's score. */
    public double confidence() {
        return scores[ranking[0]];
    }
}
