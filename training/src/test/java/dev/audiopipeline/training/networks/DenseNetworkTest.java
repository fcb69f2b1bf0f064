package dev.audiopipeline.training.networks;

import static dev.audiopipeline.training.networks.NetworkChecks.kerasDense;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

class DenseNetworkTest {

    private static final int STATS = 120;
    private static final int CLASSES = 10;

    @Test
    void layersHaveTheParameterCountsOfTheKerasTwin() {
        MultiLayerNetwork network = new DenseNetwork(DenseSettings.defaults()).create(STATS, CLASSES);

        // Keras: Dense(256), Dropout, Dense(128), Dropout, Dense(64), Dropout, Dense(10) on 120 statistics
        assertThat(network.getLayer(0).numParams()).isEqualTo(kerasDense(STATS, 256)); // 30,976
        assertThat(network.getLayer(1).numParams()).isEqualTo(kerasDense(256, 128));   // 32,896
        assertThat(network.getLayer(2).numParams()).isEqualTo(kerasDense(128, 64));    // 8,256
        assertThat(network.getLayer(3).numParams()).isEqualTo(kerasDense(64, CLASSES)); // 650
        assertThat(network.numParams()).isEqualTo(72_778);
    }

    @Test
    void outputsAProbabilityDistributionPerSegment() {
        MultiLayerNetwork network = new DenseNetwork(DenseSettings.defaults()).create(STATS, CLASSES);
        DataSet segments = SyntheticSegments.vectors(6, STATS, CLASSES, 0, 4);

        NetworkChecks.assertProbabilities(network.output(segments.getFeatures()), 6, CLASSES);
    }

    @Test
    void learnsAClassDependentSignalInAFewEpochs() {
        MultiLayerNetwork network = new DenseNetwork(DenseSettings.defaults()).create(STATS, 3);
        DataSet train = SyntheticSegments.vectors(96, STATS, 3, 4.0, 41);
        DataSet test = SyntheticSegments.vectors(60, STATS, 3, 4.0, 42);

        assertThat(NetworkChecks.trainedAccuracy(network, train, test, 5, 16)).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void refusesBadSettingsNamingTheParameter() {
        assertThatThrownBy(() -> new DenseSettings(256, 0, 64, 0.3, Optimization.adam(1e-3)))
                .hasMessage("dense units2 must be >= 1, got 0");
    }
}
