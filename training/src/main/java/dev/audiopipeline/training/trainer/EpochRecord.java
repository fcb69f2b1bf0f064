package dev.audiopipeline.training.trainer;

/**
 * What one training epoch gave: the bundle's per-epoch history, the progress line, the report's learning curves.
 *
 * @param epoch 1, 2, 3, ...
 * @param trainLoss mean loss over the epoch's training minibatches (regularisation included, as DL4J scores)
 * @param validationLoss mean loss on the validation part after the epoch; NaN when there is none
 * @param trainAccuracy share of training segments classified right after the epoch; NaN when not measured
 * @param validationAccuracy share of validation segments classified right after the epoch; NaN when there is none
 * @param seconds wall-clock seconds the epoch took, evaluation included
 */
public record EpochRecord(int epoch, double trainLoss, double validationLoss, double trainAccuracy,
                          double validationAccuracy, double seconds) implements java.io.Serializable {
}
