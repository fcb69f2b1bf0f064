package dev.audiopipeline.training.trainer;

import dev.audiopipeline.training.networks.DenseNetwork;
import dev.audiopipeline.training.networks.DenseSettings;
import dev.audiopipeline.training.networks.Optimization;
import dev.audiopipeline.training.networks.SyntheticSegments;
import java.util.List;
import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/** Small learnable data and a small network with dropout, shared by the trainer tests. */
final class TrainingData {

    static final int FEATURES = 20;
    static final int CLASSES = 3;

    private TrainingData() {}

    /** Minibatches of 16 vectors of 20 values, 3 classes, signal 3 (learnable in a few epochs). */
    static List<DataSet> minibatches(int examples, long seed) {
        return SyntheticSegments.vectors(examples, FEATURES, CLASSES, 3.0, seed).batchBy(16);
    }

    static MultiDataSetIterator iterator(List<DataSet> minibatches) {
        return LocalTrainer.of(new ExistingDataSetIterator(minibatches));
    }

    /** A dense network of 32, 16, 8 units with dropout 0.3 after each, Adam 1e-2. */
    static MultiLayerNetwork network(long seed) {
        return new DenseNetwork(new DenseSettings(32, 16, 8, 0.3, new Optimization(1e-2, 1.0, seed)))
                .create(FEATURES, CLASSES);
    }
}
