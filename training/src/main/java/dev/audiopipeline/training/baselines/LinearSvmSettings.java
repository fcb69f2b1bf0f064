package dev.audiopipeline.training.baselines;

import dev.audiopipeline.features.ParameterRule;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One linear SVM per label against the rest ({@code OneVsRest} over {@code LinearSVC}: hinge loss, L2 penalty) on the
 * standardised statistics. A linear SVM gives margins, not probabilities: {@link BaselineTrainer} fits the SVMs on
 * all but {@code calibrationShare} of the training tracks, fits a softmax temperature to the margins of those
 * held-out tracks ({@link SoftmaxTemperature}), then fits the SVMs again on every training track and keeps that
 * temperature.
 *
 * @param regParam L2 penalty strength (Spark's objective: mean hinge loss plus {@code regParam / 2 * |w|^2})
 * @param maxIter most L-BFGS iterations per SVM
 * @param tol convergence tolerance
 * @param calibrationShare share of the training tracks held out to fit the temperature
 * @param parallelism how many of the per-label SVMs are fitted at once
 */
public record LinearSvmSettings(double regParam, int maxIter, double tol, double calibrationShare, int parallelism)
        implements BaselineSettings {

    public static final ParameterRule<Double> REG_PARAM = ParameterRule.nonNegative("svm.reg-param");
    public static final ParameterRule<Integer> MAX_ITER = ParameterRule.intIn("svm.max-iter", 1, 100_000);
    public static final ParameterRule<Double> TOL = ParameterRule.positive("svm.tol");
    public static final ParameterRule<Double> CALIBRATION_SHARE =
            ParameterRule.between("svm.calibration-share", 0, false, 0.5, true);
    public static final ParameterRule<Integer> PARALLELISM = ParameterRule.intIn("svm.parallelism", 1, 64);

    public static LinearSvmSettings defaults() {
        return new LinearSvmSettings(1e-3, 300, 1e-6, 0.2, 2);
    }

    public LinearSvmSettings {
        REG_PARAM.require(regParam);
        MAX_ITER.require(maxIter);
        TOL.require(tol);
        CALIBRATION_SHARE.require(calibrationShare);
        PARALLELISM.require(parallelism);
    }

    @Override
    public BaselineKind kind() {
        return BaselineKind.SVM;
    }

    @Override
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("reg-param", regParam);
        map.put("max-iter", maxIter);
        map.put("tol", tol);
        map.put("calibration-share", calibrationShare);
        map.put("parallelism", parallelism);
        return map;
    }
}
