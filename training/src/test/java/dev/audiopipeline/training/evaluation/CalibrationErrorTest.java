package dev.audiopipeline.training.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.audiopipeline.training.prediction.Ranking;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationErrorTest {
    @Test
    void binsAreClosedOnTheRightAndTheFirstHoldsZero() {
        assertThat(CalibrationError.binOf(0.0, 10)).isEqualTo(0);
        assertThat(CalibrationError.binOf(0.1, 10)).isEqualTo(0);
        assertThat(CalibrationError.binOf(Math.nextUp(0.1), 10)).isEqualTo(1);
        assertThat(CalibrationError.binOf(0.3, 10)).isEqualTo(2);
        assertThat(CalibrationError.binOf(0.95, 10)).isEqualTo(9);
        assertThat(CalibrationError.binOf(1.0, 10)).isEqualTo(9);
    }

    @Test
    void aModelRightAsOftenAsItIsConfidentHasNoError() {
        // Confidence .75 four times, three of them right: accuracy .75 in that bin.
        double[] scores = {0.75, 0.25};
        List<ScoredExample> examples = List.of(
                new ScoredExample(0, Ranking.byScore(scores), scores),
                new ScoredExample(0, Ranking.byScore(scores), scores),
                new ScoredExample(0, Ranking.byScore(scores), scores),
                new ScoredExample(1, Ranking.byScore(scores), scores));

        assertThat(CalibrationError.expected(examples, 10)).isCloseTo(0.0, within(1e-15));
        // One bin holding every example: the same.
        assertThat(CalibrationError.expected(examples, 1)).isCloseTo(0.0, within(1e-15));
    }

    @Test
    void anOverconfidentModelHasTheGapAsError() {
        double[] scores = {0.9, 0.1};
        List<ScoredExample> examples = List.of(
                new ScoredExample(0, Ranking.byScore(scores), scores),
                new ScoredExample(1, Ranking.byScore(scores), scores));

        assertThat(CalibrationError.expected(examples, 10)).isCloseTo(0.4, within(1e-15));
    }
}
