package dev.audiopipeline.training.prediction;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One track's prediction, made from its segments by {@link TrackPredictor}. Serializable, so that Spark (through the
 * product's Kryo registrator, which sends records through Java serialization) can carry it.
 *
 * @param trackId the track's id
 * @param path the track's path or URI
 * @param label the track's true label, or null when it has none
 * @param segments how many segments the prediction was made from
 * @param labels the model's labels; every array below is in their order
 * @param aggregation how the segments were combined
 * @param scores the track's score per label: the mean probability ({@link TrackAggregation#MEAN_PROBABILITY}) or
 *     the share of segments that voted for the label ({@link TrackAggregation#MAJORITY_VOTE})
 * @param meanProbabilities the mean of the segments' probabilities per label, whatever the aggregation
 * @param ranking label positions best first, by the aggregation's rule; {@code ranking[0]} is the prediction
 */
public record TrackPrediction(String trackId, String path, String label, int segments, Labels labels,
                              TrackAggregation aggregation, double[] scores, double[] meanProbabilities,
                              int[] ranking) implements Serializable {

    public TrackPrediction {
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(aggregation, "aggregation");
        if (scores.length != labels.size() || meanProbabilities.length != labels.size()
                || ranking.length != labels.size()) {
            throw new IllegalArgumentException("track " + trackId + ": scores, mean probabilities and ranking must"
                    + " each have one entry per label (" + labels.size() + ")");
        }
    }

    public int predictedIndex() {
        return ranking[0];
    }

    public String predictedLabel() {
        return labels.name(ranking[0]);
    }

    /** The score of the predicted label: its mean probability, or its vote share. */
    public double confidence() {
        return scores[ranking[0]];
    }

    /** The {@code k} best labels (fewer when the model has fewer), best first, with their scores. */
    public List<LabelScore> topK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        List<LabelScore> top = new ArrayList<>();
        for (int rank = 0; rank < Math.min(k, ranking.length); rank++) {
            top.add(new LabelScore(labels.name(ranking[rank]), scores[ranking[rank]]));
        }
        return top;
    }
}
