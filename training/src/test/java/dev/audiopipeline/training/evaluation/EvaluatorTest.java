package dev.audiopipeline.training.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.training.prediction.Labels;
import dev.audiopipeline.training.prediction.SegmentPrediction;
import dev.audiopipeline.training.trainer.EpochRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    private static final Labels AB = Labels.of("a", "b");

    private static SegmentPrediction segment(String track, String label, int index, double a) {
        return new SegmentPrediction(track, "/" + track, label, index, new double[] {a, 1 - a});
    }

    /*
     * Track t1 (true a), a-probabilities .9 .4 .4: votes a, b, b, so the vote says b (2/3); the mean of a is
     * 1.7/3 = .567, so the mean says a. Track t2 (true b), .2 .3: b either way.
     * Segments right: t1's .9 only, and both of t2's: 3 of 5.
     */
    @Test
    void measuresSegmentsMeanTracksAndVotedTracksSeparately() {
        List<SegmentPrediction> segments = List.of(
                segment("t1", "a", 0, 0.9), segment("t1", "a", 1, 0.4), segment("t1", "a", 2, 0.4),
                segment("t2", "b", 0, 0.2), segment("t2", "b", 1, 0.3));
        List<EpochRecord> history = List.of(new EpochRecord(1, 0.9, 0.8, 0.6, 0.55, 3.5));

        ModelEvaluation evaluation = Evaluator.evaluate(new ModelIdentity("m", "rf", "h"), AB, segments, history);

        assertThat(evaluation.rowsEvaluated()).isEqualTo(5);
        assertThat(evaluation.tracksEvaluated()).isEqualTo(2);
        assertThat(evaluation.segment().accuracy()).isEqualTo(3.0 / 5);
        assertThat(evaluation.track().accuracy()).isEqualTo(1.0);
        assertThat(evaluation.trackVote().accuracy()).isEqualTo(0.5);
        assertThat(evaluation.tracks()).extracting(t -> t.predictedLabel()).containsExactly("a", "b");
        assertThat(evaluation.history()).isEqualTo(history);
    }
}
