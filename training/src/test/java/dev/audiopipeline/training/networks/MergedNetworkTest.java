package dev.audiopipeline.training.networks;

import static dev.audiopipeline.training.networks.NetworkChecks.kerasConvolution;
import static dev.audiopipeline.training.networks.NetworkChecks.kerasDense;
import static dev.audiopipeline.training.networks.NetworkChecks.kerasLstm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.MultiDataSet;

class MergedNetworkTest {

    private static final int N_MFCC = 13;
    private static final int N_CONTRAST = 7;
    private static final int FRAMES = 130;
    private static final int CLASSES = 10;

    @Test
    void layersHaveTheParameterCountsOfTheKerasTwin() {
        ComputationGraph network = new MergedNetwork(MergedSettings.defaults())
                .create(N_MFCC, N_CONTRAST, FRAMES, CLASSES);

        // Keras (seed 004): MFCC branch Conv1D(100, 4) on 13, Conv1D(20, 4), LSTM(300), Dense(10); contrast branch
        // Conv1D(100, 3, stride 4) on 7, LSTM(100), Dense(10); Merge(concat) -> Dense(1000) -> Dense(10)
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("mfcc-conv1", kerasConvolution(4, N_MFCC, 100));        // 5,300
        expected.put("mfcc-pool1", 0L);
        expected.put("mfcc-conv2", kerasConvolution(4, 100, 20));            // 8,020
        expected.put("mfcc-pool2", 0L);
        expected.put("mfcc-dropout", 0L);
        expected.put("mfcc-lstm", kerasLstm(20, 300));                       // 385,200
        expected.put("mfcc-out", kerasDense(300, 10));                       // 3,010
        expected.put("contrast-conv", kerasConvolution(3, N_CONTRAST, 100)); // 2,200
        expected.put("contrast-dropout", 0L);
        expected.put("contrast-lstm", kerasLstm(100, 100));                  // 80,400
        expected.put("contrast-out", kerasDense(100, 10));                   // 1,010
        expected.put("merged-dense", kerasDense(10 + 10, 1000));             // 21,000
        expected.put(MergedNetwork.OUTPUT, kerasDense(1000, CLASSES));        // 10,010
        expected.forEach((layer, params) ->
                assertThat(network.getLayer(layer).numParams()).as(layer).isEqualTo(params));
        assertThat(network.numParams()).isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
        // 130 frames: 127 -> pooled 31 -> 28 -> pooled 7 LSTM steps; contrast (130 - 3) / 4 + 1 = 32 steps
        assertThat(MergedSettings.defaults().mfcc().stepsAfterConvolutions(FRAMES)).isEqualTo(7);
        assertThat(MergedSettings.defaults().contrast().stepsAfterConvolution(FRAMES)).isEqualTo(32);
    }

    @Test
    void takesTheInputsByNameInTheKindsOrder() {
        ComputationGraph network = new MergedNetwork(MergedSettings.defaults())
                .create(N_MFCC, N_CONTRAST, FRAMES, CLASSES);

        assertThat(network.getConfiguration().getNetworkInputs()).containsExactly(
                NetworkKind.MERGED.inputs().get(0).inputName(), NetworkKind.MERGED.inputs().get(1).inputName());
    }

    @Test
    void outputsAProbabilityDistributionPerSegment() {
        ComputationGraph network = new MergedNetwork(MergedSettings.defaults())
                .create(N_MFCC, N_CONTRAST, FRAMES, CLASSES);
        MultiDataSet segments = SyntheticSegments.twoSequences(4, N_MFCC, N_CONTRAST, FRAMES, CLASSES, 0, 3);

        NetworkChecks.assertProbabilities(network.output(segments.getFeatures())[0], 4, CLASSES);
    }

    @Test
    void learnsAClassDependentSignalInAFewEpochs() {
        // 3 classes, 40 frames (one MFCC-branch LSTM step, nine contrast steps); the seed's Adam 1e-3
        ComputationGraph network = new MergedNetwork(MergedSettings.defaults()).create(N_MFCC, N_CONTRAST, 40, 3);
        MultiDataSet train = SyntheticSegments.twoSequences(96, N_MFCC, N_CONTRAST, 40, 3, 1.0, 31);
        MultiDataSet test = SyntheticSegments.twoSequences(60, N_MFCC, N_CONTRAST, 40, 3, 1.0, 32);

        assertThat(NetworkChecks.trainedAccuracy(network, train, test, 6, 16)).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void refusesSegmentsTooShortForTheBranches() {
        assertThatThrownBy(() -> new MergedNetwork(MergedSettings.defaults()).configuration(13, 7, 20, 10))
                .hasMessage("mfcc steps after the convolutions must be >= 1, got 0");
    }
}
