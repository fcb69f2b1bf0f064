package dev.audiopipeline.training.networks;

import static dev.audiopipeline.training.networks.NetworkChecks.kerasConvolution;
import static dev.audiopipeline.training.networks.NetworkChecks.kerasDense;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

class CnnNetworkTest {

    private static final int MELS = 128;
    private static final int FRAMES = 130;
    private static final int CLASSES = 10;

    @Test
    void layersHaveTheParameterCountsOfTheKerasTwin() {
        MultiLayerNetwork network = new CnnNetwork(CnnSettings.defaults()).create(MELS, FRAMES, CLASSES);

        // Keras: Conv2D(32|64|64, 3x3) each + MaxPooling2D(2x2), Flatten, Dense(64), Dense(10) on 128 x 130 x 1.
        // 'valid' 3x3 then 2x2 pooling: 128 -> 126 -> 63 -> 61 -> 30 -> 28 -> 14; 130 -> 128 -> 64 -> 62 -> 31 ->
        // 29 -> 14: Flatten gives 64 * 14 * 14 = 12,544 values.
        assertThat(CnnSettings.defaults().sizeAfterBlocks(MELS)).isEqualTo(14);
        assertThat(CnnSettings.defaults().sizeAfterBlocks(FRAMES)).isEqualTo(14);
        long[] expected = {
            kerasConvolution(3 * 3, 1, 32), 0,    // 320
            kerasConvolution(3 * 3, 32, 64), 0,   // 18,496
            kerasConvolution(3 * 3, 64, 64), 0,   // 36,928
            kerasDense(64 * 14 * 14, 64),         // 802,880
            kerasDense(64, CLASSES)               // 650
        };
        for (int layer = 0; layer < expected.length; layer++) {
            assertThat(network.getLayer(layer).numParams()).as("layer %d", layer).isEqualTo(expected[layer]);
        }
        assertThat(network.getLayers()).hasSize(expected.length);
        assertThat(network.numParams()).isEqualTo(859_274);
    }

    @Test
    void outputsAProbabilityDistributionPerPatch() {
        MultiLayerNetwork network = new CnnNetwork(CnnSettings.defaults()).create(MELS, FRAMES, CLASSES);
        DataSet patches = SyntheticSegments.images(3, MELS, FRAMES, CLASSES, 0, 2);

        NetworkChecks.assertProbabilities(network.output(patches.getFeatures()), 3, CLASSES);
    }

    @Test
    void learnsAClassDependentSignalInAFewEpochs() {
        // small patches (24 mel bands x 32 frames), 3 classes; Adam at 5e-3 instead of 5e-4 to need few epochs
        CnnSettings settings = CnnSettings.defaults()
                .withOptimization(CnnSettings.defaults().optimization().withLearningRate(5e-3));
        MultiLayerNetwork network = new CnnNetwork(settings).create(24, 32, 3);
        DataSet train = SyntheticSegments.images(96, 24, 32, 3, 2.0, 21);
        DataSet test = SyntheticSegments.images(60, 24, 32, 3, 2.0, 22);

        assertThat(NetworkChecks.trainedAccuracy(network, train, test, 5, 16)).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void refusesPatchesTooSmallForThreeBlocks() {
        assertThatThrownBy(() -> new CnnNetwork(CnnSettings.defaults()).configuration(MELS, 20, CLASSES))
                .hasMessage("frames left after the convolutions must be >= 1, got 0");
        assertThatThrownBy(() -> new CnnSettings(32, 64, 64, 3, 2, 64, -0.1, Optimization.adam(5e-4)))
                .hasMessage("cnn dropout must be in [0, 1), got -0.1");
    }
}
