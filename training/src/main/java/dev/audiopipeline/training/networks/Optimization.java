package dev.audiopipeline.training.networks;

import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.nd4j.linalg.learning.config.Adam;

/**
 * How a network's weights start and move: the seed, Adam's learning rate and the gradient clipping that every
 * network here uses.
 *
 * @param learningRate Adam's step size (the seeds': 1e-4 LSTM, 5e-4 CNN, 1e-3 merged and dense)
 * @param gradientClip each gradient element is clipped to [-gradientClip, gradientClip] before the update (an
 *     LSTM without it blew up in its fourth epoch; 1.0 fixed it)
 * @param seed seed of the initial weights; the trainers also derive every minibatch's dropout masks from it
 */
public record Optimization(double learningRate, double gradientClip, long seed) {

    /** Element-wise clipping at 1.0 and the seed 1337 (the one seed 004 fixed), at this learning rate. */
    public static Optimization adam(double learningRate) {
        return new Optimization(learningRate, 1.0, 1337);
    }

    public Optimization {
        SettingChecks.positive(learningRate, "learning rate");
        SettingChecks.positive(gradientClip, "gradient clip");
    }

    public Optimization withLearningRate(double rate) {
        return new Optimization(rate, gradientClip, seed);
    }

    public Optimization withGradientClip(double clip) {
        return new Optimization(learningRate, clip, seed);
    }

    public Optimization withSeed(long newSeed) {
        return new Optimization(learningRate, gradientClip, newSeed);
    }

    /**
     * A configuration builder with this seed, Adam with Keras's constants (beta1 0.9, beta2 0.999, epsilon 1e-7;
     * DL4J's default epsilon is 1e-8) and element-wise gradient clipping. Each network adds its weight
     * initialisation, layers and input type.
     */
    NeuralNetConfiguration.Builder start() {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(Adam.builder().learningRate(learningRate).beta1(0.9).beta2(0.999).epsilon(1e-7).build())
                .gradientNormalization(GradientNormalization.ClipElementWiseAbsoluteValue)
                .gradientNormalizationThreshold(gradientClip);
    }
}
