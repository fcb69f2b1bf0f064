package dev.audiopipeline.training.trainer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seeds ND4J's random generator before every minibatch from the network's seed, the epoch and the minibatch's
 * feature values, so that dropout masks depend on nothing else: not on the thread (each has its own generator), not
 * on what ran on it before, not on whether the minibatch is fitted on the driver or on a Spark worker.
 */
final class MinibatchSeeds {

    private MinibatchSeeds() {}

    /** Seeds this thread's generator for fitting {@code features} in {@code epoch}. */
    static void seedFor(long networkSeed, int epoch, INDArray... features) {
        Nd4j.getRandom().setSeed(of(networkSeed, epoch, features));
    }

    /** The seed: the float bits of every feature value (C order) mixed with the network's seed and the epoch. */
    static long of(long networkSeed, int epoch, INDArray... features) {
        long hash = mix(networkSeed ^ mix(epoch));
        for (INDArray array : features) {
            float[] values = array.castTo(DataType.FLOAT).dup('c').data().asFloat();
            for (float value : values) {
                hash = hash * 31 + Float.floatToIntBits(value);
            }
            hash = mix(hash);
        }
        return hash;
    }

    /** SplitMix64's finaliser: spreads every input bit over the whole word. */
    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
