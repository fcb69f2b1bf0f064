package dev.audiopipeline.training.trainer;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.api.NeuralNetwork;
import org.nd4j.linalg.dataset.adapter.MultiDataSetIteratorAdapter;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/**
 * Trains on this machine, minibatch by minibatch in the iterators' order (shuffling, if wanted, is the
 * iterator's). A MultiLayerNetwork reads {@code DataSet}s: pass its iterator through {@link #of(DataSetIterator)}.
 *
 * <p>Each minibatch is fitted exactly as a Spark worker fits it ({@code fit} of one minibatch after seeding its
 * dropout masks, see {@link Trainer}), which is what makes one Spark worker averaging after every minibatch give
 * the parameters this trainer gives.
 *
 * @param <N> MultiLayerNetwork or ComputationGraph
 */
public final class LocalTrainer<N extends Model & NeuralNetwork> implements Trainer<N, MultiDataSetIterator> {

    /** A DataSet iterator seen as the MultiDataSet iterator this trainer reads (one input, one output). */
    public static MultiDataSetIterator of(DataSetIterator iterator) {
        return new MultiDataSetIteratorAdapter(iterator);
    }

    @Override
    public TrainingResult<N> train(N network, MultiDataSetIterator training, MultiDataSetIterator validation,
                                   TrainerSettings settings, ProgressListener listener) {
        long seed = NetworkOps.seed(network);
        EpochLoop.EpochRunner runner = new EpochLoop.EpochRunner() {
            @Override
            public double fit(int epoch) {
                restart(training);
                double lossSum = 0;
                long minibatches = 0;
                while (training.hasNext()) {
                    MultiDataSet minibatch = training.next();
                    MinibatchSeeds.seedFor(seed, epoch, minibatch.getFeatures());
                    network.fit(minibatch);
                    lossSum += network.score();   // this minibatch's loss, before its update
                    minibatches++;
                }
                if (minibatches == 0) {
                    throw new IllegalArgumentException("the training data has no minibatches");
                }
                NetworkOps.incrementEpochCount(network);
                return lossSum / minibatches;
            }

            @Override
            public ValidationTally validate() {
                ValidationTally tally = new ValidationTally();
                if (validation != null) {
                    restart(validation);
                    while (validation.hasNext()) {
                        MultiDataSet minibatch = validation.next();
                        tally.add(NetworkOps.probabilities(network, minibatch.getFeatures()), minibatch.getLabels(0));
                    }
                }
                return tally;
            }
        };
        return EpochLoop.run(network, runner, settings, listener);
    }

    private static void restart(MultiDataSetIterator iterator) {
        if (iterator.resetSupported()) {
            iterator.reset();
        } else if (!iterator.hasNext()) {
            throw new IllegalArgumentException("an iterator that cannot be reset ran out after one epoch");
        }
    }
}
