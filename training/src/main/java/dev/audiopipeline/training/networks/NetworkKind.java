package dev.audiopipeline.training.networks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The DL4J networks the product trains, with the features each reads and how they are laid out. A kind with one
 * input is a {@code MultiLayerNetwork} fed {@code DataSet}s; one with several ({@link #MERGED}) is a
 * {@code ComputationGraph} fed {@code MultiDataSet}s whose feature arrays come in {@link #inputs()} order.
 * Labels are always one-hot {@code [minibatch, classes]}.
 */
public enum NetworkKind {
    /** {@link LstmNetwork}: MFCC sequences (seed 000). */
    LSTM(TensorLayout.SEQUENCE, FeatureInput.MFCC),
    /** {@link CnnNetwork}: log-mel patches as one-channel images (seed 002). */
    CNN(TensorLayout.IMAGE, FeatureInput.LOGMEL),
    /** {@link MergedNetwork}: MFCC and spectral-contrast sequences, one branch each (seed 004). */
    MERGED(TensorLayout.SEQUENCE, FeatureInput.MFCC, FeatureInput.CONTRAST),
    /** {@link DenseNetwork}: the summary-statistics vector (seed 003). */
    DENSE(TensorLayout.VECTOR, FeatureInput.STATS);

    private final TensorLayout layout;
    private final List<FeatureInput> inputs;

    NetworkKind(TensorLayout layout, FeatureInput... inputs) {
        this.layout = layout;
        this.inputs = List.of(inputs);
    }

    /** The name on the command line and in the bundle: {@code lstm}, {@code cnn}, {@code merged}, {@code dense}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The features the network reads, in the order of its inputs. */
    public List<FeatureInput> inputs() {
        return inputs;
    }

    /** How every input's minibatch array is laid out. */
    public TensorLayout layout() {
        return layout;
    }

    /** Whether the network is a {@code ComputationGraph} trained on {@code MultiDataSet}s. */
    public boolean isGraph() {
        return inputs.size() > 1;
    }

    /** The kind with this name (case-insensitive). */
    public static NetworkKind fromCliName(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (NetworkKind kind : values()) {
            if (kind.cliName().equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown network '" + name + "'; expected one of "
                + Arrays.stream(values()).map(NetworkKind::cliName).collect(Collectors.joining(", ")));
    }
}
