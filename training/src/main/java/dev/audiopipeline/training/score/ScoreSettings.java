package dev.audiopipeline.training.score;

import dev.audiopipeline.features.ParameterRule;
import dev.audiopipeline.training.prediction.TrackAggregation;
import java.io.Serializable;

/**
 * How a library is scored.
 *
 * @param aggregation how a track's segments become its prediction: mean probability (default) or majority vote
 * @param topK labels listed per track, best first
 * @param uncertainBelow a track whose best label scores below this is {@code uncertain} (never relabelled)
 * @param mappingUri a file mapping tag spellings to model labels ({@code Hip-Hop = hiphop}), or null
 * @param fileTimeoutSeconds the most one file may take on an executor before it is rejected as timeout
 * @param parquetCodec compression of the Parquet written
 */
public record ScoreSettings(TrackAggregation aggregation, int topK, double uncertainBelow, String mappingUri,
                            double fileTimeoutSeconds, String parquetCodec) implements Serializable {

    public static final ParameterRule<Integer> TOP_K = ParameterRule.intIn("top_k", 1, 1000);
    public static final ParameterRule<Double> UNCERTAIN_BELOW = ParameterRule.between("uncertain_below", 0, true, 1,
            true);

    public ScoreSettings {
        java.util.Objects.requireNonNull(aggregation, "aggregation");
        TOP_K.require(topK);
        UNCERTAIN_BELOW.require(uncertainBelow);
    }

    /** Mean probability, top 3, uncertain below 0.5, no mapping file, 600 s per file, LZ4. */
    public static ScoreSettings defaults() {
        return new ScoreSettings(TrackAggregation.MEAN_PROBABILITY, 3, 0.5, null, 600, "lz4_raw");
    }
}
