package dev.audiopipeline.training.networks;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.Subsampling1DLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Seed 004's merged model: an MFCC branch and a spectral-contrast branch (see {@link MergedSettings}) joined by a
 * {@link MergeVertex} (concatenation) -> dense -> softmax, one ComputationGraph.
 *
 * <p>Inputs, in this order: {@value #MFCC_INPUT} {@code [minibatch, nMfcc, frames]} and {@value #CONTRAST_INPUT}
 * {@code [minibatch, nContrast, frames]} (both NCW, {@link TensorLayout#SEQUENCE}; nContrast =
 * {@code contrast_n_bands + 1}); output {@value #OUTPUT} {@code [minibatch, classes]} probabilities.
 *
 * <p>One departure from the seed: the dense layer after the concatenation is relu, not linear (a linear layer
 * between the linear branch outputs and the softmax adds parameters but nothing a single layer could not do).
 */
public final class MergedNetwork {

    public static final String MFCC_INPUT = "mfcc";
    public static final String CONTRAST_INPUT = "contrast";
    public static final String OUTPUT = "output";

    private final MergedSettings settings;

    public MergedNetwork(MergedSettings settings) {
        this.settings = SettingChecks.present(settings, "merged settings");
    }

    /**
     * @param frames frames per segment: checked to leave the LSTMs at least one step (the network itself takes
     *     any length)
     */
    public ComputationGraphConfiguration configuration(int nMfcc, int nContrast, int frames, int classes) {
        SettingChecks.atLeast(1, nMfcc, "n_mfcc");
        SettingChecks.atLeast(1, nContrast, "contrast values per frame");
        SettingChecks.atLeast(1, settings.mfcc().stepsAfterConvolutions(frames), "mfcc steps after the convolutions");
        SettingChecks.atLeast(1, settings.contrast().stepsAfterConvolution(frames),
                "contrast steps after the convolution");
        SettingChecks.atLeast(2, classes, "classes");
        MergedSettings.MfccBranch mfcc = settings.mfcc();
        MergedSettings.ContrastBranch contrast = settings.contrast();
        return settings.optimization().start()                // seed, Adam, element-wise gradient clipping
                .weightInit(WeightInit.XAVIER_UNIFORM)         // Keras's glorot_uniform
                .convolutionMode(ConvolutionMode.Truncate)     // Keras's border_mode='valid'
                .graphBuilder()
                .addInputs(MFCC_INPUT, CONTRAST_INPUT)
                .setInputTypes(InputType.recurrent(nMfcc, RNNFormat.NCW),        // [mb, nMfcc, frames]
                        InputType.recurrent(nContrast, RNNFormat.NCW))          // [mb, nContrast, frames]
                // MFCC branch
                .addLayer("mfcc-conv1", new Convolution1DLayer.Builder(mfcc.kernelSize(), 1)
                        .nOut(mfcc.filters()).activation(Activation.RELU).build(), MFCC_INPUT)
                .addLayer("mfcc-pool1", pooling(mfcc.poolSize()), "mfcc-conv1")
                .addLayer("mfcc-conv2", new Convolution1DLayer.Builder(mfcc.kernelSize(), 1)
                        .nOut(mfcc.secondFilters()).activation(Activation.RELU)
                        .dropOut(DropoutRate.keras(mfcc.dropout())).build(), "mfcc-pool1")
                .addLayer("mfcc-pool2", pooling(mfcc.poolSize()), "mfcc-conv2")
                .addLayer("mfcc-dropout", dropout(mfcc.dropout()), "mfcc-pool2")
                .addLayer("mfcc-lstm", lastStep(mfcc.lstmUnits()), "mfcc-dropout")
                .addLayer("mfcc-out", new DenseLayer.Builder().nOut(mfcc.outputUnits()).activation(Activation.IDENTITY)
                        .dropOut(DropoutRate.keras(mfcc.dropout())).build(), "mfcc-lstm")
                // spectral-contrast branch
                .addLayer("contrast-conv", new Convolution1DLayer.Builder(contrast.kernelSize(), contrast.stride())
                        .nOut(contrast.filters()).activation(Activation.RELU).build(), CONTRAST_INPUT)
                .addLayer("contrast-dropout", dropout(contrast.dropout()), "contrast-conv")
                .addLayer("contrast-lstm", lastStep(contrast.lstmUnits()), "contrast-dropout")
                .addLayer("contrast-out", new DenseLayer.Builder().nOut(contrast.outputUnits())
                        .activation(Activation.IDENTITY).dropOut(DropoutRate.keras(contrast.dropout())).build(),
                        "contrast-lstm")
                // concatenation [mb, mfcc out + contrast out]; the branches' output dropout sits on the next layer
                .addVertex("merge", new MergeVertex(), "mfcc-out", "contrast-out")
                .addLayer("merged-dense", new DenseLayer.Builder().nOut(settings.mergedUnits())
                        .activation(Activation.RELU).dropOut(DropoutRate.keras(settings.mergeDropout())).build(),
                        "merge")
                .addLayer(OUTPUT, new OutputLayer.Builder(LossFunction.MCXENT).nOut(classes)
                        .activation(Activation.SOFTMAX).build(), "merged-dense")
                .setOutputs(OUTPUT)
                .build();
    }

    /** A new network with initialised (seeded) weights. */
    public ComputationGraph create(int nMfcc, int nContrast, int frames, int classes) {
        ComputationGraph network = new ComputationGraph(configuration(nMfcc, nContrast, frames, classes));
        network.init();
        return network;
    }

    private static Subsampling1DLayer pooling(int size) {
        return new Subsampling1DLayer.Builder(PoolingType.MAX).kernelSize(size).stride(size).build();
    }

    /** An LSTM whose last step goes on ([mb, units]), as the seed's Keras 1 LSTMs. */
    private static LastTimeStep lastStep(int units) {
        return new LastTimeStep(new LSTM.Builder().nOut(units)
                .activation(Activation.SIGMOID)                  // the seed's activation='sigmoid'
                .gateActivationFunction(Activation.HARDSIGMOID)  // inner_activation='hard_sigmoid': clip(0.2x + 0.5)
                .build());
    }

    /**
     * Dropout before an LSTM, as a layer of its own: dropout configured on the LSTM inside LastTimeStep is shared
     * by every copy of the network that DL4J's Spark workers make (the wrapper's configuration clone is shallow),
     * and two workers in one executor then clear each other's masks ("Dropout mask array is absent").
     */
    private static DropoutLayer dropout(double rate) {
        return new DropoutLayer.Builder(1 - rate).build();
    }
}
