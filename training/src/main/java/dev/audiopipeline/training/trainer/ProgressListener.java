package dev.audiopipeline.training.trainer;

/** Told after every epoch, on the thread that trains (the driver on Spark). */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = progress -> { };

    void epochFinished(EpochProgress progress);
}
