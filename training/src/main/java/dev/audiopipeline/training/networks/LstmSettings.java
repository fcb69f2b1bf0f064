package dev.audiopipeline.training.networks;

/**
 * Hyper-parameters of {@link LstmNetwork}. {@link #defaults()} are seed 000's (deepNOID): two LSTM layers of 64,
 * dense 64 relu + dropout 0.4, dense 16 relu + dropout 0.3, Adam 1e-4.
 *
 * @param units units of each of the two LSTM layers
 * @param denseUnits units of the first dense (relu) layer
 * @param denseDropout dropout rate after the first dense layer (share dropped)
 * @param hiddenUnits units of the second dense (relu) layer
 * @param hiddenDropout dropout rate after the second dense layer (share dropped)
 * @param optimization seed, learning rate and gradient clipping
 */
public record LstmSettings(int units, int denseUnits, double denseDropout, int hiddenUnits, double hiddenDropout,
                           Optimization optimization) {

    public static LstmSettings defaults() {
        return new LstmSettings(64, 64, 0.4, 16, 0.3, Optimization.adam(1e-4));
    }

    public LstmSettings {
        SettingChecks.atLeast(1, units, "lstm units");
        SettingChecks.atLeast(1, denseUnits, "lstm dense units");
        SettingChecks.dropoutRate(denseDropout, "lstm dense dropout");
        SettingChecks.atLeast(1, hiddenUnits, "lstm hidden units");
        SettingChecks.dropoutRate(hiddenDropout, "lstm hidden dropout");
        SettingChecks.present(optimization, "lstm optimization");
    }

    public LstmSettings withOptimization(Optimization newOptimization) {
        return new LstmSettings(units, denseUnits, denseDropout, hiddenUnits, hiddenDropout, newOptimization);
    }
}
