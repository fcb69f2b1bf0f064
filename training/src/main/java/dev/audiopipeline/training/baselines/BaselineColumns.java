package dev.audiopipeline.training.baselines;

import dev.audiopipeline.pipeline.store.FeaturesTable;

/**
 * The columns a baseline reads, the ones its pipeline adds on the way (prefixed {@code baseline_}, so that they meet
 * no column of the features table) and the one {@link BaselinePredictions} leaves.
 */
public final class BaselineColumns {
    /** Input: the segment's summary statistics, {@code array<double>} ({@link FeaturesTable#STATS}). */
    public static final String STATS = FeaturesTable.STATS;
    /** Input: the segment's label, a string ({@link FeaturesTable#LABEL}); needed to train, not to predict. */
    public static final String LABEL = FeaturesTable.LABEL;
    /** Input, optional: held-out calibration rows are chosen by track when the rows have it. */
    public static final String TRACK_ID = FeaturesTable.TRACK_ID;

    /** The statistics as a vector, missing values filled ({@link StatsImputerModel}). */
    public static final String FEATURES = "baseline_features";
    /** {@link #FEATURES} standardised, for the models that need it. */
    public static final String SCALED = "baseline_scaled";
    /** The label's position in the model's label list. */
    public static final String LABEL_INDEX = "baseline_label_index";
    /** The classifier's raw scores (margins, votes) per label. */
    public static final String RAW = "baseline_raw";
    /** The classifier's probability vector, in label order. */
    public static final String PROBABILITY = "baseline_probability";
    /** The classifier's predicted label index. */
    public static final String PREDICTION = "baseline_prediction";

    /** Output: one probability per label, in the model's label order, {@code array<double>}. */
    public static final String PROBABILITIES = "probabilities";

    private BaselineColumns() {
    }
}
