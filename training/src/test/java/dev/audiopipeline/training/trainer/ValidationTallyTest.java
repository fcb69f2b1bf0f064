package dev.audiopipeline.training.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ValidationTallyTest {

    @Test
    void meanCrossEntropyAndAccuracyOfHandWorkedMinibatches() {
        ValidationTally tally = new ValidationTally();
        // example 1: label 0, p = 0.7 -> right, loss -ln 0.7; example 2: label 1, p = 0.1 -> wrong, loss -ln 0.1
        tally.add(matrix(new double[][] {{0.7, 0.2, 0.1}, {0.1, 0.1, 0.8}}), matrix(new double[][] {{1, 0, 0}, {0, 1, 0}}));
        // example 3: label 2, p = 0 -> wrong, clipped as DL4J's MCXENT: loss -ln 1e-10
        ValidationTally other = new ValidationTally();
        other.add(matrix(new double[][] {{0.5, 0.5, 0}}), matrix(new double[][] {{0, 0, 1}}));

        ValidationTally sum = tally.plus(other);

        assertThat(sum.loss()).isCloseTo((-Math.log(0.7) - Math.log(0.1) - Math.log(1e-10)) / 3, within(1e-6));
        assertThat(sum.accuracy()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(tally.loss()).isCloseTo((-Math.log(0.7) - Math.log(0.1)) / 2, within(1e-6));
    }

    @Test
    void anEmptyTallyHasNoLossAndNoAccuracy() {
        ValidationTally empty = new ValidationTally();

        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.loss()).isNaN();
        assertThat(empty.accuracy()).isNaN();
    }

    private static INDArray matrix(double[][] values) {
        return Nd4j.create(values).castTo(DataType.FLOAT);
    }
}
