package dev.audiopipeline.training.baselines;

import dev.audiopipeline.features.ParameterRule;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A random forest ({@code RandomForestClassifier}) over the raw statistics. Defaults are a practitioner's forest,
 * not MLlib's 20 shallow trees: 500 trees (scikit-learn's strong baseline on these features), grown deep,
 * {@code sqrt} of the features per node, bootstrap samples of every training row.
 *
 * @param trees number of trees
 * @param maxDepth depth limit of each tree (Spark's trees stop at 30; scikit-learn grows them without limit)
 * @param minInstancesPerNode fewest training rows a child node may hold
 * @param featureSubset features considered per node (Spark's {@code featureSubsetStrategy})
 * @param subsamplingRate share of the training rows each tree is grown on (bootstrap sampled)
 * @param maxBins candidate thresholds per feature (Spark bins continuous features; scikit-learn tries them all)
 */
public record RandomForestSettings(int trees, int maxDepth, int minInstancesPerNode, String featureSubset,
                                   double subsamplingRate, int maxBins) implements BaselineSettings {

    public static final ParameterRule<Integer> TREES = ParameterRule.intIn("rf.trees", 1, 10_000);
    public static final ParameterRule<Integer> MAX_DEPTH = TreeRules.depth("rf.max-depth");
    public static final ParameterRule<Integer> MIN_INSTANCES_PER_NODE =
            ParameterRule.positiveInt("rf.min-instances-per-node");
    public static final ParameterRule<String> FEATURE_SUBSET = TreeRules.featureSubset("rf.feature-subset");
    public static final ParameterRule<Double> SUBSAMPLING_RATE =
            ParameterRule.between("rf.subsampling-rate", 0, false, 1, true);
    public static final ParameterRule<Integer> MAX_BINS = TreeRules.bins("rf.max-bins");

    public static RandomForestSettings defaults() {
        return new RandomForestSettings(500, 20, 1, "sqrt", 1.0, 32);
    }

    public RandomForestSettings {
        TREES.require(trees);
        MAX_DEPTH.require(maxDepth);
        MIN_INSTANCES_PER_NODE.require(minInstancesPerNode);
        FEATURE_SUBSET.require(featureSubset);
        SUBSAMPLING_RATE.require(subsamplingRate);
        MAX_BINS.require(maxBins);
    }

    @Override
    public BaselineKind kind() {
        return BaselineKind.RF;
    }

    @Override
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("trees", trees);
        map.put("max-depth", maxDepth);
        map.put("min-instances-per-node", minInstancesPerNode);
        map.put("feature-subset", featureSubset);
        map.put("subsampling-rate", subsamplingRate);
        map.put("max-bins", maxBins);
        return map;
    }
}
