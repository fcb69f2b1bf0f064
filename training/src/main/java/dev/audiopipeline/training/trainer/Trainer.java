package dev.audiopipeline.training.trainer;

/**
 * Trains a network epoch by epoch, measuring the validation loss and accuracy after each, and stops early when
 * the validation loss has not improved for {@link TrainerSettings#patience()} epochs, keeping the best epoch's
 * parameters.
 *
 * <p>Every minibatch's dropout masks come from a seed made of the network's own seed, the epoch and the
 * minibatch's feature values: the same data and settings give the same parameters, on one machine or on Spark.
 *
 * @param <N> the network: MultiLayerNetwork or ComputationGraph
 * @param <D> where the minibatches come from: an iterator or an RDD
 */
public interface Trainer<N, D> {

    /**
     * @param network an initialised network; it is trained in place and returned in the result
     * @param training the training minibatches
     * @param validation the validation minibatches, or null for none
     */
    TrainingResult<N> train(N network, D training, D validation, TrainerSettings settings, ProgressListener listener);
}
