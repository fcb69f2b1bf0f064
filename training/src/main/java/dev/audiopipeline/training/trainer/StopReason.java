package dev.audiopipeline.training.trainer;

/** Why training ended. */
public enum StopReason {
    /** Every epoch of {@link TrainerSettings#epochs()} ran. */
    EPOCHS_DONE,
    /** The validation loss did not improve for {@link TrainerSettings#patience()} epochs. */
    NO_IMPROVEMENT,
    /** The training loss became NaN or infinite. */
    DIVERGED
}
