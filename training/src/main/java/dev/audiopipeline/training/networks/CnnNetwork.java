package dev.audiopipeline.training.networks;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Seed 002's deep0 CNN over log-mel patches: three blocks of 'valid' convolution (relu, He normal) and max
 * pooling -> flatten -> dense relu + dropout -> softmax.
 *
 * <p>Input {@code [minibatch, 1, nMels, frames]} (NCHW, {@link TensorLayout#IMAGE}: one channel, height = mel
 * bands, width = frames), z-scored by the dataset's normaliser; output {@code [minibatch, classes]} probabilities.
 * The frame count is fixed by the configuration (the dense layer's input size depends on it).
 */
public final class CnnNetwork {

    private final CnnSettings settings;

    public CnnNetwork(CnnSettings settings) {
        this.settings = SettingChecks.present(settings, "cnn settings");
    }

    public MultiLayerConfiguration configuration(int nMels, int frames, int classes) {
        SettingChecks.atLeast(1, settings.sizeAfterBlocks(nMels), "mel bands left after the convolutions");
        SettingChecks.atLeast(1, settings.sizeAfterBlocks(frames), "frames left after the convolutions");
        SettingChecks.atLeast(2, classes, "classes");
        CnnSettings s = settings;
        return s.optimization().start()                       // seed, Adam, element-wise gradient clipping
                .weightInit(WeightInit.XAVIER_UNIFORM)         // the dense layers: Keras's glorot_uniform
                .convolutionMode(ConvolutionMode.Truncate)     // Keras's padding='valid'
                .list()
                .layer(convolution(s.filters1()))
                .layer(pooling())
                .layer(convolution(s.filters2()))
                .layer(pooling())
                .layer(convolution(s.filters3()))
                .layer(pooling())
                // DL4J flattens [mb, filters3, h, w] into [mb, filters3*h*w] itself (CnnToFeedForwardPreProcessor,
                // channels first: the same weights as Keras's Flatten, in another order)
                .layer(new DenseLayer.Builder().nOut(s.denseUnits()).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nOut(classes).activation(Activation.SOFTMAX)
                        .dropOut(DropoutRate.keras(s.dropout())).build())   // dropout after the dense layer
                .setInputType(InputType.convolutional(nMels, frames, 1, CNN2DFormat.NCHW))
                .build();
    }

    /** A new network with initialised (seeded) weights. */
    public MultiLayerNetwork create(int nMels, int frames, int classes) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration(nMels, frames, classes));
        network.init();
        return network;
    }

    private ConvolutionLayer convolution(int filters) {
        return new ConvolutionLayer.Builder(settings.kernelSize(), settings.kernelSize())
                .nOut(filters)
                .activation(Activation.RELU)
                .weightInit(WeightInit.RELU)   // He normal: N(0, 2/fan_in) (Keras's he_normal truncates it at 2 sd)
                .build();
    }

    private SubsamplingLayer pooling() {
        return new SubsamplingLayer.Builder(PoolingType.MAX)
                .kernelSize(settings.poolSize(), settings.poolSize())
                .stride(settings.poolSize(), settings.poolSize())
                .build();
    }
}
