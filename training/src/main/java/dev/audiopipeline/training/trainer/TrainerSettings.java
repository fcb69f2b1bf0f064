package dev.audiopipeline.training.trainer;

import dev.audiopipeline.training.networks.SettingChecks;

/**
 * How long training goes on, wherever it runs.
 *
 * @param epochs the most epochs to train
 * @param patience stop after this many epochs without a lower validation loss than the best so far (the best
 *     epoch's parameters are kept); 0 never stops early. Without validation data every epoch runs and the last is
 *     kept.
 */
public record TrainerSettings(int epochs, int patience) {

    /** 100 epochs (seeds 000 and 004 ran 100; 002's CNN peaked near 20), patience 10. */
    public static TrainerSettings defaults() {
        return new TrainerSettings(100, 10);
    }

    public TrainerSettings {
        SettingChecks.atLeast(1, epochs, "epochs");
        SettingChecks.atLeast(0, patience, "patience");
    }
}
