package dev.audiopipeline.training.baselines;

import dev.audiopipeline.features.ParameterRule;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Multinomial logistic regression ({@code LogisticRegression}, family {@code multinomial}) over the standardised
 * statistics, with an L2 (or elastic-net) penalty: unregularised, it over-fits hundreds of correlated statistics.
 *
 * @param regParam penalty strength: Spark's objective is the mean log loss plus {@code regParam} times the
 *     penalty; scikit-learn's {@code C} is about {@code 1 / (regParam * training rows)}
 * @param elasticNet share of L1 in the penalty: 0 is L2 (ridge), 1 is L1 (lasso)
 * @param maxIter most L-BFGS (OWL-QN with L1) iterations
 * @param tol convergence tolerance
 */
public record LogisticRegressionSettings(double regParam, double elasticNet, int maxIter, double tol)
        implements BaselineSettings {

    public static final ParameterRule<Double> REG_PARAM = ParameterRule.nonNegative("logreg.reg-param");
    public static final ParameterRule<Double> ELASTIC_NET =
            ParameterRule.between("logreg.elastic-net", 0, true, 1, true);
    public static final ParameterRule<Integer> MAX_ITER = ParameterRule.intIn("logreg.max-iter", 1, 100_000);
    public static final ParameterRule<Double> TOL = ParameterRule.positive("logreg.tol");

    public static LogisticRegressionSettings defaults() {
        return new LogisticRegressionSettings(1e-3, 0.0, 300, 1e-6);
    }

    public LogisticRegressionSettings {
        REG_PARAM.require(regParam);
        ELASTIC_NET.require(elasticNet);
        MAX_ITER.require(maxIter);
        TOL.require(tol);
    }

    @Override
    public BaselineKind kind() {
        return BaselineKind.LOGREG;
    }

    @Override
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("reg-param", regParam);
        map.put("elastic-net", elasticNet);
        map.put("max-iter", maxIter);
        map.put("tol", tol);
        return map;
    }
}
