package dev.audiopipeline.training.prediction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the segment predictions of a track into one track prediction ({@link TrackAggregation} states the rules).
 * Evaluation and scoring both predict tracks through this class only.
 */
public final class TrackPredictor {
    private TrackPredictor() {
    }

    /**
     * One track's prediction.
     *
     * @param segmentsOfOneTrack every segment of one track (any order), all with the same track id, path and label,
     *     distinct segment indices, one probability per label
     * @throws IllegalArgumentException when the segments are empty, belong to several tracks, repeat a segment
     *     index or have the wrong number of probabilities
     */
    public static TrackPrediction predict(Collection<SegmentPrediction> segmentsOfOneTrack, Labels labels,
                                          TrackAggregation aggregation) {
        Objects.requireNonNull(aggregation, "aggregation");
        SegmentPrediction first = checkOneTrack(segmentsOfOneTrack, labels);
        double[] mean = new double[labels.size()];
        double[] votes = new double[labels.size()];
        for (SegmentPrediction segment : segmentsOfOneTrack) {
            double[] probabilities = segment.probabilities();
            for (int i = 0; i < mean.length; i++) {
                mean[i] += probabilities[i];
            }
            votes[Ranking.best(probabilities)]++;
        }
        int count = segmentsOfOneTrack.size();
        for (int i = 0; i < mean.length; i++) {
            mean[i] /= count;
            votes[i] /= count;
        }
        return switch (aggregation) {
            case MEAN_PROBABILITY -> new TrackPrediction(first.trackId(), first.path(), first.label(), count, labels,
                    aggregation, mean, mean, Ranking.byScore(mean));
            case MAJORITY_VOTE -> new TrackPrediction(first.trackId(), first.path(), first.label(), count, labels,
                    aggregation, votes, mean, Ranking.byScoreThen(votes, mean));
        };
    }

    /** Every track's prediction, the segments grouped by track id; in track-id order. */
    public static List<TrackPrediction> predictAll(Collection<SegmentPrediction> segments, Labels labels,
                                                   TrackAggregation aggregation) {
        Map<String, List<SegmentPrediction>> byTrack = new TreeMap<>();
        for (SegmentPrediction segment : segments) {
            byTrack.computeIfAbsent(segment.trackId(), id -> new ArrayList<>()).add(segment);
        }
        List<TrackPrediction> tracks = new ArrayList<>(byTrack.size());
        for (List<SegmentPrediction> trackSegments : byTrack.values()) {
            tracks.add(predict(trackSegments, labels, aggregation));
        }
        return tracks;
    }

    private static SegmentPrediction checkOneTrack(Collection<SegmentPrediction> segments, Labels labels) {
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a track prediction needs at least one segment");
        }
        SegmentPrediction first = segments.iterator().next();
        Set<Integer> indices = new HashSet<>();
        for (SegmentPrediction segment : segments) {
            if (!segment.trackId().equals(first.trackId())) {
                throw new IllegalArgumentException("segments of tracks " + first.trackId() + " and "
                        + segment.trackId() + " given as one track");
            }
            if (!segment.path().equals(first.path()) || !Objects.equals(segment.label(), first.label())) {
                throw new IllegalArgumentException("track " + first.trackId() + " has segments with different"
                        + " paths or labels: " + first.path() + " (" + first.label() + "), " + segment.path()
                        + " (" + segment.label() + ")");
            }
            if (!indices.add(segment.segment())) {
                throw new IllegalArgumentException("track " + first.trackId() + " has segment "
                        + segment.segment() + " twice (augmented variants must not be predicted as segments)");
            }
            if (segment.probabilities().length != labels.size()) {
                throw new IllegalArgumentException("segment " + segment.segment() + " of track "
                        + first.trackId() + " has " + segment.probabilities().length + " probabilities for "
                        + labels.size() + " labels " + labels);
            }
        }
        return first;
    }
}
