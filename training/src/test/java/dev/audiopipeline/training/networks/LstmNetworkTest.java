package dev.audiopipeline.training.networks;

import static dev.audiopipeline.training.networks.NetworkChecks.kerasDense;
import static dev.audiopipeline.training.networks.NetworkChecks.kerasLstm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

class LstmNetworkTest {

    private static final int N_MFCC = 13;
    private static final int CLASSES = 10;

    @Test
    void layersHaveTheParameterCountsOfTheKerasTwin() {
        MultiLayerNetwork network = new LstmNetwork(LstmSettings.defaults()).create(N_MFCC, CLASSES);

        // Keras: LSTM(64, return_sequences=True), LSTM(64), Dense(64), Dense(16), Dense(10) on 13 MFCCs
        assertThat(network.getLayer(0).numParams()).isEqualTo(kerasLstm(N_MFCC, 64));   // 19,968
        assertThat(network.getLayer(1).numParams()).isEqualTo(kerasLstm(64, 64));       // 33,024
        assertThat(network.getLayer(2).numParams()).isEqualTo(kerasDense(64, 64));      // 4,160
        assertThat(network.getLayer(3).numParams()).isEqualTo(kerasDense(64, 16));      // 1,040
        assertThat(network.getLayer(4).numParams()).isEqualTo(kerasDense(16, CLASSES)); // 170
        assertThat(network.numParams()).isEqualTo(58_362);
        assertThat(network.getLayerWiseConfigurations().getConf(1).getLayer()).isInstanceOf(LastTimeStep.class);
    }

    @Test
    void outputsAProbabilityDistributionPerSegment() {
        MultiLayerNetwork network = new LstmNetwork(LstmSettings.defaults()).create(N_MFCC, CLASSES);
        DataSet segments = SyntheticSegments.sequences(5, N_MFCC, 130, CLASSES, 0, 1);

        NetworkChecks.assertProbabilities(network.output(segments.getFeatures()), 5, CLASSES);
    }

    @Test
    void sameSeedSameInitialWeightsOtherSeedOthers() {
        LstmSettings settings = LstmSettings.defaults();
        MultiLayerNetwork first = new LstmNetwork(settings).create(N_MFCC, CLASSES);
        MultiLayerNetwork again = new LstmNetwork(settings).create(N_MFCC, CLASSES);
        MultiLayerNetwork other = new LstmNetwork(settings.withOptimization(settings.optimization().withSeed(7)))
                .create(N_MFCC, CLASSES);

        assertThat(again.params()).isEqualTo(first.params());
        assertThat(other.params()).isNotEqualTo(first.params());
    }

    @Test
    void learnsAClassDependentSignalInAFewEpochs() {
        // 3 classes, short sequences; Adam at 1e-2 instead of the seed's 1e-4 so that a few epochs suffice
        LstmSettings settings = LstmSettings.defaults()
                .withOptimization(LstmSettings.defaults().optimization().withLearningRate(1e-2));
        MultiLayerNetwork network = new LstmNetwork(settings).create(N_MFCC, 3);
        DataSet train = SyntheticSegments.sequences(96, N_MFCC, 8, 3, 1.5, 11);
        DataSet test = SyntheticSegments.sequences(60, N_MFCC, 8, 3, 1.5, 12);

        assertThat(NetworkChecks.trainedAccuracy(network, train, test, 8, 16)).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void refusesBadSettingsNamingTheParameter() {
        assertThatThrownBy(() -> new LstmSettings(0, 64, 0.4, 16, 0.3, Optimization.adam(1e-4)))
                .hasMessage("lstm units must be >= 1, got 0");
        assertThatThrownBy(() -> new LstmSettings(64, 64, 1.0, 16, 0.3, Optimization.adam(1e-4)))
                .hasMessage("lstm dense dropout must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> Optimization.adam(-1))
                .hasMessage("learning rate must be finite and > 0, got -1.0");
        assertThatThrownBy(() -> new LstmNetwork(LstmSettings.defaults()).configuration(13, 1))
                .hasMessage("classes must be >= 2, got 1");
    }
}
