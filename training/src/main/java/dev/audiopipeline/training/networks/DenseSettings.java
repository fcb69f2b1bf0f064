package dev.audiopipeline.training.networks;

/**
 * Hyper-parameters of {@link DenseNetwork}. Seed 003's README gives the shape, three hidden fully connected layers
 * with dropout between them and a softmax over the genres, but not the widths or rates; {@link #defaults()} take
 * the usual choice for this data (256, 128, 64 relu, dropout 0.3 after each, Adam 1e-3).
 *
 * @param units1 units of the first hidden (relu) layer
 * @param units2 units of the second hidden (relu) layer
 * @param units3 units of the third hidden (relu) layer
 * @param dropout dropout rate after each hidden layer (share dropped)
 * @param optimization seed, learning rate and gradient clipping
 */
public record DenseSettings(int units1, int units2, int units3, double dropout, Optimization optimization) {

    public static DenseSettings defaults() {
        return new DenseSettings(256, 128, 64, 0.3, Optimization.adam(1e-3));
    }

    public DenseSettings {
        SettingChecks.atLeast(1, units1, "dense units1");
        SettingChecks.atLeast(1, units2, "dense units2");
        SettingChecks.atLeast(1, units3, "dense units3");
        SettingChecks.dropoutRate(dropout, "dense dropout");
        SettingChecks.present(optimization, "dense optimization");
    }

    public DenseSettings withOptimization(Optimization newOptimization) {
        return new DenseSettings(units1, units2, units3, dropout, newOptimization);
    }
}
