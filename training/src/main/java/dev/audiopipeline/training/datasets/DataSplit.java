package dev.audiopipeline.training.datasets;

import java.util.Locale;

/** Where a track's segments go: learned from, watched for early stopping, or held out to evaluate. */
public enum DataSplit {
    TRAIN,
    /** Carved from the training tracks, by track: early stopping's validation loss. */
    VALIDATION,
    TEST;

    /** Lower case, as logged and stored in the bundle. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
