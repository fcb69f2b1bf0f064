package dev.audiopipeline.training.networks;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Seed 000's LSTM over MFCC sequences: LSTM (every step) -> LSTM (last step) -> dense relu + dropout -> dense
 * relu + dropout -> softmax.
 *
 * <p>Input {@code [minibatch, nMfcc, frames]} (NCW, {@link TensorLayout#SEQUENCE}), any number of frames, no mask
 * (segments have equal length); output {@code [minibatch, classes]} probabilities.
 */
public final class LstmNetwork {

    private final LstmSettings settings;

    public LstmNetwork(LstmSettings settings) {
        this.settings = SettingChecks.present(settings, "lstm settings");
    }

    public MultiLayerConfiguration configuration(int nMfcc, int classes) {
        SettingChecks.atLeast(1, nMfcc, "n_mfcc");
        SettingChecks.atLeast(2, classes, "classes");
        LstmSettings s = settings;
        return s.optimization().start()                      // seed, Adam, element-wise gradient clipping
                .weightInit(WeightInit.XAVIER_UNIFORM)        // Keras's glorot_uniform (it inits the recurrent
                                                              // weights orthogonally, which DL4J M2 cannot)
                .list()
                // tanh cell, sigmoid gates, forget-gate bias 1 (Keras's unit_forget_bias): DL4J's LSTM defaults
                .layer(new LSTM.Builder().nOut(s.units()).activation(Activation.TANH).build())
                // LastTimeStep: the second LSTM hands on only its last step, [minibatch, units], as Keras's
                // return_sequences=False; a plain OutputLayer with 2-D labels follows (no RnnOutputLayer)
                .layer(new LastTimeStep(new LSTM.Builder().nOut(s.units()).activation(Activation.TANH).build()))
                .layer(new DenseLayer.Builder().nOut(s.denseUnits()).activation(Activation.RELU).build())
                // DL4J's dropout sits on the layer that receives the dropped activations (see DropoutRate)
                .layer(new DenseLayer.Builder().nOut(s.hiddenUnits()).activation(Activation.RELU)
                        .dropOut(DropoutRate.keras(s.denseDropout())).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nOut(classes).activation(Activation.SOFTMAX)
                        .dropOut(DropoutRate.keras(s.hiddenDropout())).build())
                .setInputType(InputType.recurrent(nMfcc, RNNFormat.NCW))   // [minibatch, nMfcc, frames]
                .build();
    }

    /** A new network with initialised (seeded) weights. */
    public MultiLayerNetwork create(int nMfcc, int classes) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration(nMfcc, classes));
        network.init();
        return network;
    }
}
