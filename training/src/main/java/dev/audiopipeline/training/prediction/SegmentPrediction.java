package dev.audiopipeline.training.prediction;

import java.io.Serializable;
import java.util.Objects;

/**
 * What a model said about one segment of one track.
 *
 * @param trackId the track's id (the {@code track_id} column of the features)
 * @param path the track's path or URI, as listed
 * @param label the track's true label, or null when it has none (scoring an unlabelled library)
 * @param segment the segment's index within the track (0, 1, ...)
 * @param probabilities one probability per label, in the order of the model's {@link Labels}; finite, in [0, 1].
 *     The record keeps this array as given: do not change it afterwards.
 */
public record SegmentPrediction(String trackId, String path, String label, int segment, double[] probabilities)
        implements Serializable {

    public SegmentPrediction {
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(probabilities, "probabilities");
        if (segment < 0) {
            throw new IllegalArgumentException("segment " + segment + " of track " + trackId + " is negative");
        }
        for (double probability : probabilities) {
            if (!(probability >= 0.0 && probability <= 1.0)) {
                throw new IllegalArgumentException("segment " + segment + " of track " + trackId
                        + " has probability " + probability + ", not in [0, 1]");
            }
        }
    }

    /** The labels ranked best first ({@link Ranking#byScore}); the first is the segment's predicted label. */
    public int[] ranking() {
        return Ranking.byScore(probabilities);
    }
}
