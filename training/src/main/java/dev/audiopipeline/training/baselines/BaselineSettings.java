package dev.audiopipeline.training.baselines;

import java.util.Map;

/**
 * The hyper-parameters of one baseline: one record per {@link BaselineKind}, each validated when built (every
 * parameter's valid values declared once, as a {@code ParameterRule} constant of the record, whose name is the
 * parameter's, e.g. {@code rf.trees}: the jobs' settings registry declares {@code train.rf.trees} with the same rule).
 * The training seed is not a setting of the model: {@link BaselineTrainer#fit} takes it.
 */
public sealed interface BaselineSettings
        permits RandomForestSettings, LogisticRegressionSettings, LinearSvmSettings, MlpSettings, GbtSettings {

    /** Which baseline these settings are for. */
    BaselineKind kind();

    /** Every parameter by its name without the kind's prefix ({@code trees}, {@code max-depth}), for the bundle. */
    Map<String, Object> asMap();

    /** The defaults of {@code kind}. */
    static BaselineSettings defaults(BaselineKind kind) {
        return switch (kind) {
            case RF -> RandomForestSettings.defaults();
            case LOGREG -> LogisticRegressionSettings.defaults();
            case SVM -> LinearSvmSettings.defaults();
            case MLP -> MlpSettings.defaults();
            case GBT -> GbtSettings.defaults();
        };
    }
}
