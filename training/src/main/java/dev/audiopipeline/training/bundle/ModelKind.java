package dev.audiopipeline.training.bundle;

import dev.audiopipeline.training.networks.NetworkKind;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Every model {@code train --model} builds, and what runs it: a DL4J network or a Spark ML pipeline. */
public enum ModelKind {
    LSTM(NetworkKind.LSTM),
    CNN(NetworkKind.CNN),
    MERGED(NetworkKind.MERGED),
    DENSE(NetworkKind.DENSE),
    /** Random forest over the summary statistics. */
    RF(null),
    /** Multinomial logistic regression over the summary statistics. */
    LOGREG(null),
    /** Linear SVM (one-vs-rest) over the summary statistics. */
    SVM(null),
    /** Multilayer perceptron over the summary statistics. */
    MLP(null),
    /** Gradient-boosted trees (one-vs-rest) over the summary statistics. */
    GBT(null);

    /** What a bundle's model is stored as. */
    public enum Engine {
        DL4J, SPARK_ML;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final NetworkKind network;

    ModelKind(NetworkKind network) {
        this.network = network;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Engine engine() {
        return network == null ? Engine.SPARK_ML : Engine.DL4J;
    }

    /** The DL4J network of this kind. */
    public NetworkKind network() {
        if (network == null) {
            throw new IllegalStateException(cliName() + " is a Spark ML model, not a DL4J network");
        }
        return network;
    }

    /**
     * @throws IllegalArgumentException naming the accepted values
     */
    public static ModelKind fromCliName(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (ModelKind kind : values()) {
            if (kind.cliName().equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "'; expected one of "
                + Arrays.stream(values()).map(ModelKind::cliName).collect(Collectors.joining(", ")));
    }
}
