package dev.audiopipeline.training.trainer;

import java.io.Serializable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Sums over validation minibatches of the loss and the right answers; mergeable across Spark partitions.
 *
 * <p>The loss is DL4J's score for a softmax output with multi-class cross-entropy (MCXENT) and no regularisation,
 * so that it compares with the training loss: {@code -sum(labels * log(p))} per example, the probabilities first
 * clipped to {@code [1e-10, 1 - 1e-10]} as DL4J's loss does.
 */
final class ValidationTally implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final double CLIP = 1e-10;

    private double lossSum;
    private long correct;
    private long examples;

    /**
     * Adds a minibatch.
     *
     * @param probabilities the network's output {@code [minibatch, classes]}
     * @param labels one-hot {@code [minibatch, classes]}
     */
    void add(INDArray probabilities, INDArray labels) {
        INDArray p = probabilities.castTo(DataType.DOUBLE);
        INDArray clipped = Transforms.min(Transforms.max(p, CLIP, true), 1 - CLIP, false);
        INDArray y = labels.castTo(DataType.DOUBLE);
        lossSum -= Transforms.log(clipped, false).muli(y).sumNumber().doubleValue();
        correct += p.argMax(1).eq(y.argMax(1)).castTo(DataType.LONG).sumNumber().longValue();
        examples += probabilities.size(0);
    }

    /** This tally with {@code other}'s minibatches added. */
    ValidationTally plus(ValidationTally other) {
        ValidationTally sum = new ValidationTally();
        sum.lossSum = lossSum + other.lossSum;
        sum.correct = correct + other.correct;
        sum.examples = examples + other.examples;
        return sum;
    }

    boolean isEmpty() {
        return examples == 0;
    }

    /** Mean loss per example; NaN when empty. */
    double loss() {
        return isEmpty() ? Double.NaN : lossSum / examples;
    }

    /** Share of examples whose most probable class is their label; NaN when empty. */
    double accuracy() {
        return isEmpty() ? Double.NaN : (double) correct / examples;
    }
}
