package dev.audiopipeline.training.networks;

import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;

/**
 * Keras's dropout rate as DL4J's dropout. Keras's {@code Dropout(0.4)} drops 40% of the activations that pass
 * it; DL4J sets dropout on the layer that <em>receives</em> them and takes the probability of keeping one (0.6).
 */
final class DropoutRate {

    private DropoutRate() {}

    /** DL4J's dropout for a Keras rate, or none for rate 0. */
    static IDropout keras(double rate) {
        return rate == 0 ? null : new Dropout(1 - rate);
    }
}
