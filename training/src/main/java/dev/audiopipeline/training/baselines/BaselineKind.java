package dev.audiopipeline.training.baselines;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Spark MLlib baselines over the summary statistics ({@code stats}), each trained by {@link BaselineTrainer} into
 * a {@code PipelineModel} that gives a probability per label ({@link BaselinePredictions}).
 */
public enum BaselineKind {
    /** Random forest ({@link RandomForestSettings}); probabilities: the trees' mean class distribution. */
    RF(false),
    /** Multinomial logistic regression ({@link LogisticRegressionSettings}); probabilities: its softmax. */
    LOGREG(true),
    /**
     * One-vs-rest linear SVMs ({@link LinearSvmSettings}); probabilities: a softmax of the margins with a temperature
     * fitted on held-out tracks ({@link SoftmaxTemperature}).
     */
    SVM(true),
    /** Multilayer perceptron ({@link MlpSettings}); probabilities: its softmax output. */
    MLP(true),
    /**
     * One-vs-rest gradient-boosted trees ({@link GbtSettings}); probabilities: each binary model's logistic
     * probability, normalised over the labels ({@link OneVsRestProbabilities}).
     */
    GBT(false);

    private final boolean standardised;

    BaselineKind(boolean standardised) {
        this.standardised = standardised;
    }

    /** The name on the command line and in the bundle: {@code rf}, {@code logreg}, {@code svm}, {@code mlp}, {@code gbt}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the statistics are standardised (zero mean, unit variance per coordinate, fitted on the training rows)
     * before the classifier: the linear models and the network need it, trees are invariant to it.
     */
    public boolean standardised() {
        return standardised;
    }

    /** The kind with this name (case-insensitive). */
    public static BaselineKind fromCliName(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (BaselineKind kind : values()) {
            if (kind.cliName().equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown baseline '" + name + "'; expected one of "
                + Arrays.stream(values()).map(BaselineKind::cliName).collect(Collectors.joining(", ")));
    }
}
