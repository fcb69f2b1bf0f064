package dev.audiopipeline.training.trainer;

import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.spark.api.TrainingHook;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Runs on the Spark workers around every minibatch: seeds its dropout masks before the fit (as the local trainer
 * does, see {@link MinibatchSeeds}) and adds its loss to accumulators after, for the epoch's mean training loss.
 * The driver sets the epoch before each epoch's fit; DL4J serialises the hook into every split's tasks.
 */
final class MinibatchHook implements TrainingHook {

    private static final long serialVersionUID = 1L;

    private final long networkSeed;
    private final DoubleAccumulator lossSum;
    private final LongAccumulator minibatches;
    private int epoch;

    MinibatchHook(long networkSeed, DoubleAccumulator lossSum, LongAccumulator minibatches) {
        this.networkSeed = networkSeed;
        this.lossSum = lossSum;
        this.minibatches = minibatches;
    }

    /** On the driver, before an epoch's fit: the epoch for the seeds, and counting from zero again. */
    void startEpoch(int newEpoch) {
        epoch = newEpoch;
        lossSum.reset();
        minibatches.reset();
    }

    /** On the driver, after an epoch's fit: the mean loss of its minibatches. */
    double meanLoss() {
        if (minibatches.value() == 0) {
            throw new IllegalArgumentException("the training data has no minibatches");
        }
        return lossSum.value() / minibatches.value();
    }

    @Override
    public void preUpdate(DataSet minibatch, Model model) {
        MinibatchSeeds.seedFor(networkSeed, epoch, minibatch.getFeatures());
    }

    @Override
    public void postUpdate(DataSet minibatch, Model model) {
        count(model);
    }

    @Override
    public void preUpdate(MultiDataSet minibatch, Model model) {
        MinibatchSeeds.seedFor(networkSeed, epoch, minibatch.getFeatures());
    }

    @Override
    public void postUpdate(MultiDataSet minibatch, Model model) {
        count(model);
    }

    private void count(Model model) {
        lossSum.add(model.score());   // the minibatch's loss, before its update
        minibatches.add(1);
    }
}
