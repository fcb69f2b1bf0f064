package dev.audiopipeline.training.trainer;

import java.util.List;

/**
 * What training gave.
 *
 * @param network the trained network, holding the parameters (and updater state) of {@code keptEpoch}
 * @param history one record per epoch that ran, in order
 * @param keptEpoch the epoch whose parameters the network holds: the one with the lowest validation loss, or the
 *     last one when there was no validation data
 * @param stopReason why training ended
 * @param <N> MultiLayerNetwork or ComputationGraph
 */
public record TrainingResult<N>(N network, List<EpochRecord> history, int keptEpoch, StopReason stopReason) {

    public TrainingResult {
        history = List.copyOf(history);
    }
}
