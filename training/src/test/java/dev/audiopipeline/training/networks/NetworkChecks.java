package dev.audiopipeline.training.networks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.MultiDataSet;

/** What every network's test checks: Keras's parameter formulas, probabilities out, learning a signal. */
final class NetworkChecks {

    private NetworkChecks() {}

    /** Keras's LSTM: four gates, each with input weights, recurrent weights and a bias. */
    static long kerasLstm(long inputs, long units) {
        return 4 * (units * (inputs + units) + units);
    }

    /** Keras's Dense: a weight per input and output, a bias per output. */
    static long kerasDense(long inputs, long units) {
        return inputs * units + units;
    }

    /** Keras's Conv1D / Conv2D: kernel elements times input channels per filter, and a bias per filter. */
    static long kerasConvolution(long kernelElements, long inputChannels, long filters) {
        return kernelElements * inputChannels * filters + filters;
    }

    /** Every row of the output is a probability distribution: values in [0, 1] summing to 1 (float32 rounding). */
    static void assertProbabilities(INDArray output, int rows, int classes) {
        assertThat(output.shape()).containsExactly(rows, classes);
        assertThat(output.minNumber().doubleValue()).isGreaterThanOrEqualTo(0.0);
        assertThat(output.maxNumber().doubleValue()).isLessThanOrEqualTo(1.0);
        INDArray sums = output.sum(1);
        for (int row = 0; row < rows; row++) {
            assertThat(sums.getDouble(row)).isCloseTo(1.0, within(1e-5));
        }
    }

    /** Share of examples whose most probable class is their label. */
    static double accuracy(INDArray probabilities, INDArray labels) {
        INDArray predicted = probabilities.argMax(1);
        INDArray actual = labels.argMax(1);
        return predicted.eq(actual).castTo(DataType.DOUBLE).meanNumber().doubleValue();
    }

    /** Held-out accuracy after {@code epochs} epochs on {@code train} in minibatches of {@code batch}. */
    static double trainedAccuracy(MultiLayerNetwork network, DataSet train, DataSet test, int epochs, int batch) {
        ListDataSetIterator<DataSet> iterator = new ListDataSetIterator<>(train.asList(), batch);
        network.fit(iterator, epochs);
        return accuracy(network.output(test.getFeatures()), test.getLabels());
    }

    /** The same for a graph fed MultiDataSets. */
    static double trainedAccuracy(ComputationGraph network, MultiDataSet train, MultiDataSet test, int epochs,
                                  int batch) {
        List<MultiDataSet> batches = SyntheticSegments.minibatches(train, batch);
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (MultiDataSet minibatch : batches) {
                network.fit(minibatch);
            }
        }
        return accuracy(network.output(test.getFeatures())[0], test.getLabels(0));
    }
}
