package dev.audiopipeline.training.baselines;

import dev.audiopipeline.features.ParameterRule;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gradient-boosted trees, one binary model per label against the rest ({@code OneVsRest} over
 * {@code GBTClassifier}, which is binary-only in Spark 3.5), logistic loss, over the raw statistics. Each binary
 * model's probability is the logistic of twice its margin (Spark's log loss); the per-label probabilities are then
 * normalised to sum to one ({@link OneVsRestProbabilities}), as scikit-learn's {@code OneVsRestClassifier} does.
 *
 * @param iterations boosting rounds (trees) per label
 * @param maxDepth depth of each tree
 * @param stepSize learning rate (shrinkage)
 * @param subsamplingRate share of the training rows each tree is fitted on (stochastic gradient boosting)
 * @param featureSubset features considered per node (Spark's {@code featureSubsetStrategy})
 * @param minInstancesPerNode fewest training rows a child node may hold
 * @param maxBins candidate thresholds per feature
 * @param parallelism how many of the per-label models are fitted at once
 */
public record GbtSettings(int iterations, int maxDepth, double stepSize, double subsamplingRate,
                          String featureSubset, int minInstancesPerNode, int maxBins, int parallelism)
        implements BaselineSettings {

    public static final ParameterRule<Integer> ITERATIONS = ParameterRule.intIn("gbt.iterations", 1, 10_000);
    public static final ParameterRule<Integer> MAX_DEPTH = TreeRules.depth("gbt.max-depth");
    public static final ParameterRule<Double> STEP_SIZE = ParameterRule.between("gbt.step-size", 0, false, 1, true);
    public static final ParameterRule<Double> SUBSAMPLING_RATE =
            ParameterRule.between("gbt.subsampling-rate", 0, false, 1, true);
    public static final ParameterRule<String> FEATURE_SUBSET = TreeRules.featureSubset("gbt.feature-subset");
    public static final ParameterRule<Integer> MIN_INSTANCES_PER_NODE =
            ParameterRule.positiveInt("gbt.min-instances-per-node");
    public static final ParameterRule<Integer> MAX_BINS = TreeRules.bins("gbt.max-bins");
    public static final ParameterRule<Integer> PARALLELISM = ParameterRule.intIn("gbt.parallelism", 1, 64);

    public static GbtSettings defaults() {
        return new GbtSettings(100, 5, 0.1, 0.8, "sqrt", 5, 32, 2);
    }

    public GbtSettings {
        ITERATIONS.require(iterations);
        MAX_DEPTH.require(maxDepth);
        STEP_SIZE.require(stepSize);
        SUBSAMPLING_RATE.require(subsamplingRate);
        FEATURE_SUBSET.require(featureSubset);
        MIN_INSTANCES_PER_NODE.require(minInstancesPerNode);
        MAX_BINS.require(maxBins);
        PARALLELISM.require(parallelism);
    }

    @Override
    public BaselineKind kind() {
        return BaselineKind.GBT;
    }

    @Override
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("iterations", iterations);
        map.put("max-depth", maxDepth);
        map.put("step-size", stepSize);
        map.put("subsampling-rate", subsamplingRate);
        map.put("feature-subset", featureSubset);
        map.put("min-instances-per-node", minInstancesPerNode);
        map.put("max-bins", maxBins);
        map.put("parallelism", parallelism);
        return map;
    }
}
