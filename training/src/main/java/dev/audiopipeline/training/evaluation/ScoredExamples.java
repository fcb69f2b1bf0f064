package dev.audiopipeline.training.evaluation;

import dev.audiopipeline.training.prediction.Labels;
import dev.audiopipeline.training.prediction.SegmentPrediction;
import dev.audiopipeline.training.prediction.TrackPrediction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Segment and track predictions as examples to measure. Evaluation needs truth: a prediction without a label, or
 * with a label the model does not know, is refused with its track named (never silently left out).
 */
public final class ScoredExamples {
    private ScoredExamples() {
    }

    public static List<ScoredExample> ofSegments(Collection<SegmentPrediction> segments, Labels labels) {
        List<ScoredExample> examples = new ArrayList<>(segments.size());
        for (SegmentPrediction segment : segments) {
            if (segment.probabilities().length != labels.size()) {
                throw new IllegalArgumentException("segment " + segment.segment() + " of track "
                        + segment.trackId() + " has " + segment.probabilities().length + " probabilities for "
                        + labels.size() + " labels " + labels);
            }
            int actual = actualIndex(segment.label(), segment.trackId(), labels);
            examples.add(new ScoredExample(actual, segment.ranking(), segment.probabilities()));
        }
        return examples;
    }

    public static List<ScoredExample> ofTracks(Collection<TrackPrediction> tracks) {
        List<ScoredExample> examples = new ArrayList<>(tracks.size());
        for (TrackPrediction track : tracks) {
            int actual = actualIndex(track.label(), track.trackId(), track.labels());
            examples.add(new ScoredExample(actual, track.ranking(), track.scores()));
        }
        return examples;
    }

    private static int actualIndex(String label, String trackId, Labels labels) {
        if (label == null) {
            throw new IllegalArgumentException("track " + trackId + " has no label: evaluation needs labelled tracks");
        }
        int index = labels.indexOf(label);
        if (index < 0) {
            throw new IllegalArgumentException("track " + trackId + " is labelled '" + label
                    + "', which is not one of the model's labels " + labels);
        }
        return index;
    }
}
