package dev.audiopipeline.training.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.training.prediction.Labels;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusedPairsTest {
    @Test
    void largestOffDiagonalCellsFirstThenLargerShareThenLabelOrder() {
        ConfusionMatrix matrix = new ConfusionMatrix(Labels.of("a", "b", "c"),
                new long[][] {{5, 1, 0}, {1, 9, 3}, {1, 0, 1}});

        List<ConfusedPair> pairs = ConfusedPairs.mostConfused(matrix, 3);

        // b->c 3 (of 13); then count 1: c->a (1 of 2), a->b (1 of 6), b->a (1 of 13), of which three fit.
        assertThat(pairs).containsExactly(
                new ConfusedPair("b", "c", 3, 3.0 / 13),
                new ConfusedPair("c", "a", 1, 0.5),
                new ConfusedPair("a", "b", 1, 1.0 / 6));
        assertThat(ConfusedPairs.mostConfused(matrix, 10)).hasSize(4);
        assertThat(ConfusedPairs.mostConfused(
                new ConfusionMatrix(Labels.of("a", "b"), new long[][] {{2, 0}, {0, 3}}), 5)).isEmpty();
    }
}
