package dev.audiopipeline.training.trainer;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.spark.api.TrainingHook;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Records, in order, copies of the minibatches Spark workers fit. Workers of a {@code local[*]} master run in
 * this JVM, so the copies land in the static list the test reads.
 */
final class RecordingHook implements TrainingHook {

    private static final long serialVersionUID = 1L;
    private static final List<MultiDataSet> FITTED = new ArrayList<>();

    static synchronized void clear() {
        FITTED.clear();
    }

    static synchronized List<MultiDataSet> fitted() {
        return List.copyOf(FITTED);
    }

    @Override
    public void preUpdate(DataSet minibatch, Model model) {
        record(new org.nd4j.linalg.dataset.MultiDataSet(minibatch.getFeatures().dup(), minibatch.getLabels().dup()));
    }

    @Override
    public void preUpdate(MultiDataSet minibatch, Model model) {
        record(minibatch.copy());
    }

    @Override
    public void postUpdate(DataSet minibatch, Model model) {
    }

    @Override
    public void postUpdate(MultiDataSet minibatch, Model model) {
    }

    private static synchronized void record(MultiDataSet minibatch) {
        FITTED.add(minibatch);
    }
}
