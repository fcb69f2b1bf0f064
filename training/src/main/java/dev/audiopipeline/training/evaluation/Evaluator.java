package dev.audiopipeline.training.evaluation;

import dev.audiopipeline.training.prediction.Labels;
import dev.audiopipeline.training.prediction.SegmentPrediction;
import dev.audiopipeline.training.prediction.TrackAggregation;
import dev.audiopipeline.training.prediction.TrackPrediction;
import dev.audiopipeline.training.prediction.TrackPredictor;
import dev.audiopipeline.training.trainer.EpochRecord;
import java.util.Collection;
import java.util.List;

/** Measures one model from its segment predictions: segment level, and track level by both aggregations. */
public final class Evaluator {
    private Evaluator() {
    }

    /**
     * @param segments every evaluated segment, each with its true label (one of {@code labels})
     * @param history the bundle's per-epoch history; empty when the model has none
     * @throws IllegalArgumentException when there are no segments, a segment has no label or an unknown one, or
     *     a track's segments disagree (see {@link TrackPredictor#predict})
     */
    public static ModelEvaluation evaluate(ModelIdentity model, Labels labels, Collection<SegmentPrediction> segments,
                                           List<EpochRecord> history) {
        List<TrackPrediction> byMean = TrackPredictor.predictAll(segments, labels, TrackAggregation.MEAN_PROBABILITY);
        List<TrackPrediction> byVote = TrackPredictor.predictAll(segments, labels, TrackAggregation.MAJORITY_VOTE);
        return new ModelEvaluation(model, labels, segments.size(), byMean.size(),
                LevelMetrics.of(labels, ScoredExamples.ofSegments(segments, labels)),
                LevelMetrics.of(labels, ScoredExamples.ofTracks(byMean)),
                LevelMetrics.of(labels, ScoredExamples.ofTracks(byVote)),
                byMean, history);
    }
}
