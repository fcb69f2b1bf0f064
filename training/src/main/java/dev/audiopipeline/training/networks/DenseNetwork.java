package dev.audiopipeline.training.networks;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Seed 003's dense network over the summary statistics: three hidden relu layers, each followed by dropout ->
 * softmax.
 *
 * <p>Input {@code [minibatch, nStats]} ({@link TensorLayout#VECTOR}), standardised by the dataset's normaliser
 * (the seed used a standard scaler); output {@code [minibatch, classes]} probabilities.
 */
public final class DenseNetwork {

    private final DenseSettings settings;

    public DenseNetwork(DenseSettings settings) {
        this.settings = SettingChecks.present(settings, "dense settings");
    }

    public MultiLayerConfiguration configuration(int nStats, int classes) {
        SettingChecks.atLeast(1, nStats, "statistics per segment");
        SettingChecks.atLeast(2, classes, "classes");
        DenseSettings s = settings;
        return s.optimization().start()                 // seed, Adam, element-wise gradient clipping
                .weightInit(WeightInit.XAVIER_UNIFORM)   // Keras's glorot_uniform
                .list()
                .layer(new DenseLayer.Builder().nOut(s.units1()).activation(Activation.RELU).build())
                // each later layer drops the share `dropout` of what it receives (see DropoutRate)
                .layer(new DenseLayer.Builder().nOut(s.units2()).activation(Activation.RELU)
                        .dropOut(DropoutRate.keras(s.dropout())).build())
                .layer(new DenseLayer.Builder().nOut(s.units3()).activation(Activation.RELU)
                        .dropOut(DropoutRate.keras(s.dropout())).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nOut(classes).activation(Activation.SOFTMAX)
                        .dropOut(DropoutRate.keras(s.dropout())).build())
                .setInputType(InputType.feedForward(nStats))   // [minibatch, nStats]
                .build();
    }

    /** A new network with initialised (seeded) weights. */
    public MultiLayerNetwork create(int nStats, int classes) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration(nStats, classes));
        network.init();
        return network;
    }
}
