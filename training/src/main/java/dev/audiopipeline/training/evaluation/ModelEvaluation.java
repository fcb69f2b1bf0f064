package dev.audiopipeline.training.evaluation;

import dev.audiopipeline.training.prediction.Labels;
import dev.audiopipeline.training.prediction.TrackPrediction;
import dev.audiopipeline.training.trainer.EpochRecord;
import java.util.List;

/**
 * Everything measured about one model on one feature set: what {@code metrics.json}, {@code predictions.csv} and
 * the report show. Made by {@link Evaluator}.
 *
 * @param rowsEvaluated segment rows the model predicted
 * @param tracksEvaluated tracks those rows belong to
 * @param segment metrics over segments
 * @param track metrics over tracks, by mean probability
 * @param trackVote metrics over tracks, by majority vote
 * @param tracks every track's prediction by mean probability, in track-id order
 * @param history the model's per-epoch training history (empty for models trained without epochs)
 */
public record ModelEvaluation(ModelIdentity model, Labels labels, long rowsEvaluated, long tracksEvaluated,
                              LevelMetrics segment, LevelMetrics track, LevelMetrics trackVote,
                              List<TrackPrediction> tracks, List<EpochRecord> history) {

    public ModelEvaluation {
        tracks = List.copyOf(tracks);
        history = List.copyOf(history);
    }
}
