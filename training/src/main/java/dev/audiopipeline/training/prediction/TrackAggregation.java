package dev.audiopipeline.training.prediction;

/** How the segments of a track make one prediction for the track. */
public enum TrackAggregation {
    /**
     * The track's score for a label is the mean of its segments' probabilities for that label. Labels are ranked by
     * that mean, ties by label order. The product's default.
     */
    MEAN_PROBABILITY,
    /**
     * As the seeds did: every segment votes for its most probable label (ties by label order), and the track's score
     * for a label is the share of its segments that voted for it. Labels are ranked by votes, equal votes by the
     * higher mean probability, then by label order.
     */
    MAJORITY_VOTE
}
