package dev.audiopipeline.training.networks;

/**
 * Validation of hyper-parameters, throwing {@link IllegalArgumentException} with a message that names the
 * parameter and the bad value, e.g. {@code "lstm units must be >= 1, got 0"}.
 */
public final class SettingChecks {

    private SettingChecks() {}

    public static int atLeast(int minimum, int value, String name) {
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be >= " + minimum + ", got " + value);
        }
        return value;
    }

    /** A dropout rate (the share of activations dropped, as in Keras): in [0, 1). */
    public static double dropoutRate(double value, String name) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
        }
        return value;
    }

    /** A finite value above zero. */
    public static double positive(double value, String name) {
        if (!(Double.isFinite(value) && value > 0)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
        return value;
    }

    public static <T> T present(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must be given");
        }
        return value;
    }
}
