package dev.audiopipeline.training.baselines;

import dev.audiopipeline.features.ParameterRule;
import java.util.Locale;
import java.util.Set;

/** Rules shared by the tree ensembles' parameters, as Spark's tree params accept them. */
final class TreeRules {
    /** Spark's named strategies; {@code auto} left out, its meaning depends on the ensemble. */
    private static final Set<String> NAMED_SUBSETS = Set.of("all", "onethird", "sqrt", "log2");

    private TreeRules() {
    }

    /**
     * How many features each tree node considers: {@code all}, {@code onethird}, {@code sqrt}, {@code log2}, a share
     * in (0, 1] ({@code 0.3}) or a count ({@code 40}), as Spark's {@code featureSubsetStrategy}.
     */
    static ParameterRule<String> featureSubset(String name) {
        return ParameterRule.of(name, TreeRules::validSubset,
                "all, onethird, sqrt, log2, a share in (0, 1] or a count >= 1");
    }

    /** Depth of a tree: Spark's trees go to depth 30 at most. */
    static ParameterRule<Integer> depth(String name) {
        return ParameterRule.intIn(name, 1, 30);
    }

    /** Bins per continuous feature: at least 2 (Spark's rule). */
    static ParameterRule<Integer> bins(String name) {
        return ParameterRule.intIn(name, 2, 65536);
    }

    private static boolean validSubset(String value) {
        String subset = value.trim().toLowerCase(Locale.ROOT);
        if (NAMED_SUBSETS.contains(subset)) {
            return true;
        }
        try {
            return Integer.parseInt(subset) >= 1;
        } catch (NumberFormatException notAnInteger) {
            try {
                double share = Double.parseDouble(subset);
                return share > 0 && share <= 1;
            } catch (NumberFormatException notANumber) {
                return false;
            }
        }
    }
}
