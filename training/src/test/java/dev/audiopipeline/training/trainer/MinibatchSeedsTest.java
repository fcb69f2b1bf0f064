package dev.audiopipeline.training.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MinibatchSeedsTest {

    private final INDArray features = Nd4j.create(new float[] {1, 2, 3, 4, 5, 6}, new long[] {1, 2, 3});

    @Test
    void theSeedDependsOnTheNetworkSeedTheEpochAndEveryValue() {
        long seed = MinibatchSeeds.of(1337, 1, features);

        assertThat(MinibatchSeeds.of(1337, 1, features.dup())).isEqualTo(seed);
        assertThat(MinibatchSeeds.of(1337, 1, features.dup('f'))).as("same values, other memory order")
                .isEqualTo(seed);
        assertThat(MinibatchSeeds.of(1338, 1, features)).isNotEqualTo(seed);
        assertThat(MinibatchSeeds.of(1337, 2, features)).isNotEqualTo(seed);
        INDArray changed = features.dup();
        changed.putScalar(new long[] {0, 1, 2}, 6.0001f);
        assertThat(MinibatchSeeds.of(1337, 1, changed)).isNotEqualTo(seed);
    }

    @Test
    void seedingMakesTheRandomDrawsRepeat() {
        MinibatchSeeds.seedFor(7, 1, features);
        INDArray first = Nd4j.rand(1, 5);
        Nd4j.rand(1, 5);
        MinibatchSeeds.seedFor(7, 1, features);

        assertThat(Nd4j.rand(1, 5)).isEqualTo(first);
    }
}
