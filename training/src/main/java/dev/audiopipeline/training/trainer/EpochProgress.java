package dev.audiopipeline.training.trainer;

import java.util.Locale;

/**
 * An epoch just finished, and where training stands.
 *
 * @param record what the epoch gave
 * @param maxEpochs the most epochs training will run
 * @param bestEpoch the epoch with the lowest validation loss so far (the last one without validation data)
 * @param secondsLeft estimated seconds until the last epoch ends: the mean epoch time so far times the epochs
 *     left (early stopping may end sooner)
 */
public record EpochProgress(EpochRecord record, int maxEpochs, int bestEpoch, double secondsLeft) {

    /**
     * One progress line, e.g. {@code epoch 3/100: train loss 1.2345, validation loss 1.1021, validation accuracy
     * 0.6420, 12.3 s, at most 19m 54s left, best epoch 3}.
     */
    public String describe() {
        return String.format(Locale.ROOT,
                "epoch %d/%d: train loss %.4f, validation loss %.4f, validation accuracy %.4f, %.1f s, "
                        + "at most %s left, best epoch %d",
                record.epoch(), maxEpochs, record.trainLoss(), record.validationLoss(),
                record.validationAccuracy(), record.seconds(), duration(secondsLeft), bestEpoch);
    }

    private static String duration(double seconds) {
        long whole = Math.round(seconds);
        if (whole >= 3600) {
            return String.format(Locale.ROOT, "%dh %02dm", whole / 3600, whole % 3600 / 60);
        }
        return whole >= 60 ? String.format(Locale.ROOT, "%dm %02ds", whole / 60, whole % 60) : whole + "s";
    }
}
