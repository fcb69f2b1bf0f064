package dev.audiopipeline.training.networks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Labelled minibatches whose class can be learned: standard normal noise plus a constant {@code signal} on one
 * coefficient row per class (row {@code label * rows / classes} of every example's {@code [rows, columns]}
 * matrix: a coefficient across all frames, or one element of a vector). Labels cycle 0, 1, ..., classes - 1, so
 * every class has the same count. Java's {@link Random} draws the numbers: the same arguments give the same arrays
 * whatever ND4J's random state.
 */
public final class SyntheticSegments {

    private SyntheticSegments() {}

    /** {@code [examples, coefficients, frames]} sequences. */
    public static DataSet sequences(int examples, int coefficients, int frames, int classes, double signal,
                                    long seed) {
        Random random = new Random(seed);
        int[] labels = labels(examples, classes);
        return new DataSet(features(labels, classes, new long[] {examples, coefficients, frames}, signal, random),
                oneHot(labels, classes));
    }

    /** {@code [examples, 1, height, width]} one-channel images (height = coefficients, width = frames). */
    public static DataSet images(int examples, int height, int width, int classes, double signal, long seed) {
        Random random = new Random(seed);
        int[] labels = labels(examples, classes);
        return new DataSet(features(labels, classes, new long[] {examples, 1, height, width}, signal, random),
                oneHot(labels, classes));
    }

    /** {@code [examples, length]} vectors. */
    public static DataSet vectors(int examples, int length, int classes, double signal, long seed) {
        Random random = new Random(seed);
        int[] labels = labels(examples, classes);
        return new DataSet(features(labels, classes, new long[] {examples, length}, signal, random),
                oneHot(labels, classes));
    }

    /** Two sequence inputs of the same frames ({@code [examples, coefficients_i, frames]}), both carrying the class. */
    public static MultiDataSet twoSequences(int examples, int coefficients1, int coefficients2, int frames,
                                            int classes, double signal, long seed) {
        Random random = new Random(seed);
        int[] labels = labels(examples, classes);
        INDArray first = features(labels, classes, new long[] {examples, coefficients1, frames}, signal, random);
        INDArray second = features(labels, classes, new long[] {examples, coefficients2, frames}, signal, random);
        return new MultiDataSet(new INDArray[] {first, second}, new INDArray[] {oneHot(labels, classes)});
    }

    /** {@code data} cut into minibatches of {@code size} examples (the last one smaller), in order. */
    public static List<MultiDataSet> minibatches(MultiDataSet data, int size) {
        long examples = data.getFeatures(0).size(0);
        List<MultiDataSet> minibatches = new ArrayList<>();
        for (long start = 0; start < examples; start += size) {
            INDArrayIndex rows = NDArrayIndex.interval(start, Math.min(start + size, examples));
            INDArray[] features = new INDArray[data.numFeatureArrays()];
            for (int i = 0; i < features.length; i++) {
                features[i] = data.getFeatures(i).get(rows).dup();
            }
            minibatches.add(new MultiDataSet(features, new INDArray[] {data.getLabels(0).get(rows).dup()}));
        }
        return minibatches;
    }

    private static int[] labels(int examples, int classes) {
        int[] labels = new int[examples];
        for (int i = 0; i < examples; i++) {
            labels[i] = i % classes;
        }
        return labels;
    }

    private static INDArray oneHot(int[] labels, int classes) {
        float[] values = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            values[i * classes + labels[i]] = 1f;
        }
        return Nd4j.create(values, new long[] {labels.length, classes});
    }

    /**
     * Noise plus the class signal; every example's values after the leading dimension are read as a
     * {@code [rows, columns]} matrix in C order, the last dimension being the columns (1 for a vector).
     */
    private static INDArray features(int[] labels, int classes, long[] shape, double signal, Random random) {
        long perExample = Arrays.stream(shape).skip(1).reduce(1, (a, b) -> a * b);
        int columns = shape.length > 2 ? (int) shape[shape.length - 1] : 1;
        int rows = (int) (perExample / columns);
        float[] values = new float[(int) (labels.length * perExample)];
        for (int example = 0; example < labels.length; example++) {
            int signalRow = labels[example] * rows / classes;
            for (int row = 0; row < rows; row++) {
                for (int column = 0; column < columns; column++) {
                    double value = random.nextGaussian() + (row == signalRow ? signal : 0);
                    values[(int) (example * perExample) + row * columns + column] = (float) value;
                }
            }
        }
        return Nd4j.create(values, shape);
    }
}
