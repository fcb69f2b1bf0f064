package dev.audiopipeline.training.trainer;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The few things the trainers do that MultiLayerNetwork and ComputationGraph spell differently. */
final class NetworkOps {

    private NetworkOps() {}

    /** Inference-mode probabilities {@code [minibatch, classes]} of the (single) output. */
    static INDArray probabilities(Model network, INDArray... features) {
        if (network instanceof MultiLayerNetwork) {
            return ((MultiLayerNetwork) network).output(features[0], false);
        }
        return graph(network).outputSingle(false, features);
    }

    /** The seed the network was configured with. */
    static long seed(Model network) {
        if (network instanceof MultiLayerNetwork) {
            return ((MultiLayerNetwork) network).getDefaultConfiguration().getSeed();
        }
        return graph(network).getConfiguration().getDefaultConfiguration().getSeed();
    }

    static void incrementEpochCount(Model network) {
        if (network instanceof MultiLayerNetwork) {
            ((MultiLayerNetwork) network).incrementEpochCount();
        } else {
            graph(network).incrementEpochCount();
        }
    }

    /** Copies of the parameters and the updater's state (Adam's moments), to put back later. */
    static Snapshot snapshot(Model network) {
        INDArray updater = network instanceof MultiLayerNetwork
                ? ((MultiLayerNetwork) network).getUpdater().getStateViewArray()
                : graph(network).getUpdater().getStateViewArray();
        return new Snapshot(network.params().dup(), updater == null ? null : updater.dup());
    }

    static void restore(Model network, Snapshot snapshot) {
        network.setParams(snapshot.params());
        if (snapshot.updaterState() == null) {
            return;
        }
        if (network instanceof MultiLayerNetwork) {
            MultiLayerNetwork multiLayer = (MultiLayerNetwork) network;
            multiLayer.getUpdater().setStateViewArray(multiLayer, snapshot.updaterState().dup(), false);
        } else {
            graph(network).getUpdater().setStateViewArray(snapshot.updaterState().dup());
        }
    }

    private static ComputationGraph graph(Model network) {
        if (network instanceof ComputationGraph) {
            return (ComputationGraph) network;
        }
        throw new IllegalArgumentException("not a MultiLayerNetwork or ComputationGraph: " + network.getClass());
    }

    /** Parameters and updater state at one moment. */
    record Snapshot(INDArray params, INDArray updaterState) {}
}
