package dev.audiopipeline.training.score;

import dev.audiopipeline.training.bundle.SegmentScore;
import dev.audiopipeline.training.prediction.Labels;
import dev.audiopipeline.training.prediction.SegmentPrediction;
import dev.audiopipeline.training.prediction.TrackAggregation;
import dev.audiopipeline.training.prediction.TrackPredictor;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;

/**
 * Segment scores to one {@link ScoredTrack} per track, on the executors, with the per-track prediction that
 * evaluation uses ({@link TrackPredictor}): only the small score rows move, never the features.
 */
final class TrackScoring {

    private TrackScoring() {}

    static Dataset<ScoredTrack> tracks(Dataset<SegmentScore> segments, Labels labels, ScoreSettings settings) {
        return segments.groupByKey((MapFunction<SegmentScore, String>) SegmentScore::getTrackId, Encoders.STRING())
                .mapGroups((MapGroupsFunction<String, SegmentScore, ScoredTrack>) (track, scores) -> {
                    List<SegmentPrediction> predictions = new ArrayList<>();
                    String tagSource = null;
                    String tagValues = null;
                    while (scores.hasNext()) {
                        SegmentScore score = scores.next();
                        predictions.add(score.toPrediction());
                        tagSource = score.getTagSource();
                        tagValues = score.getTagValues();
                    }
                    return ScoredTrack.of(TrackPredictor.predict(predictions, labels, settings.aggregation()),
                            TrackPredictor.predict(predictions, labels, TrackAggregation.MAJORITY_VOTE),
                            settings.topK(), settings.uncertainBelow(), tagSource, tagValues);
                }, Encoders.bean(ScoredTrack.class));
    }
}
