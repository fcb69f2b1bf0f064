package dev.audiopipeline.training.baselines;

import dev.audiopipeline.features.ParameterRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A multilayer perceptron ({@code MultilayerPerceptronClassifier}: sigmoid hidden layers, softmax output, L-BFGS)
 * over the standardised statistics. Spark's perceptron has no weight penalty and no early stopping: the iteration
 * limit is its regulariser.
 *
 * @param hiddenLayers units of each hidden layer, input side first (the input and output sizes come from the data
 *     and the labels)
 * @param maxIter most L-BFGS iterations
 * @param tol convergence tolerance
 * @param blockSize rows stacked into one matrix per step (speed only)
 */
public record MlpSettings(List<Integer> hiddenLayers, int maxIter, double tol, int blockSize)
        implements BaselineSettings {

    public static final ParameterRule<List<Integer>> HIDDEN_LAYERS = ParameterRule.of("mlp.hidden-layers",
            layers -> !layers.isEmpty() && layers.stream().allMatch(units -> units != null && units >= 1),
            "one or more layer sizes, each >= 1");
    public static final ParameterRule<Integer> MAX_ITER = ParameterRule.intIn("mlp.max-iter", 1, 100_000);
    public static final ParameterRule<Double> TOL = ParameterRule.positive("mlp.tol");
    public static final ParameterRule<Integer> BLOCK_SIZE = ParameterRule.intIn("mlp.block-size", 1, 65_536);

    public static MlpSettings defaults() {
        return new MlpSettings(List.of(256, 128), 200, 1e-6, 128);
    }

    public MlpSettings {
        HIDDEN_LAYERS.require(hiddenLayers);
        hiddenLayers = List.copyOf(hiddenLayers);
        MAX_ITER.require(maxIter);
        TOL.require(tol);
        BLOCK_SIZE.require(blockSize);
    }

    /** The perceptron's layer sizes: {@code features}, the hidden layers, {@code labels}. */
    int[] layers(int features, int labels) {
        int[] layers = new int[hiddenLayers.size() + 2];
        layers[0] = features;
        for (int i = 0; i < hiddenLayers.size(); i++) {
            layers[i + 1] = hiddenLayers.get(i);
        }
        layers[layers.length - 1] = labels;
        return layers;
    }

    @Override
    public BaselineKind kind() {
        return BaselineKind.MLP;
    }

    @Override
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("hidden-layers", hiddenLayers);
        map.put("max-iter", maxIter);
        map.put("tol", tol);
        map.put("block-size", blockSize);
        return map;
    }
}
