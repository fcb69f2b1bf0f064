package dev.audiopipeline.training.bundle;

import dev.audiopipeline.training.datasets.ExampleEncoder;
import dev.audiopipeline.training.networks.FeatureInput;
import dev.audiopipeline.training.networks.TensorLayout;
import java.util.List;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Checks that a loaded network reads the inputs its bundle describes and gives one probability per label. */
final class NetworkCheck {

    private NetworkCheck() {}

    static void requireOutputs(ModelBundle bundle) {
        Model network = bundle.network();
        ExampleEncoder encoder = bundle.encoder();
        List<FeatureInput> inputs = bundle.kind().network().inputs();
        INDArray[] zeros = new INDArray[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            FeatureInput input = inputs.get(i);
            TensorLayout layout = input == FeatureInput.STATS ? TensorLayout.VECTOR : bundle.kind().network().layout();
            zeros[i] = Nd4j.zeros(layout.shape(1, encoder.coefficients(input), encoder.frames()));
        }
        long outputs;
        try {
            outputs = probabilities(network, zeros).size(1);
        } catch (RuntimeException e) {
            throw new BundleException(bundle.uri() + ": the network does not read the inputs bundle.json describes ("
                    + e.getMessage() + ")", e);
        }
        if (outputs != bundle.labels().size()) {
            throw new BundleException(bundle.uri() + ": the network predicts " + outputs + " classes, bundle.json "
                    + "lists " + bundle.labels().size() + " labels");
        }
    }

    /** Inference-mode probabilities {@code [minibatch, classes]}. */
    static INDArray probabilities(Model network, INDArray... features) {
        if (network instanceof MultiLayerNetwork multiLayer) {
            return multiLayer.output(features[0], false);
        }
        return ((ComputationGraph) network).outputSingle(false, features);
    }
}
