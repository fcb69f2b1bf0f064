package dev.audiopipeline.training.trainer;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Model;

/**
 * The epochs every trainer runs: fit, validate, record, tell the listener, keep the best parameters, stop early.
 * What "fit one epoch" and "validate" mean on one machine or on Spark is the {@link EpochRunner}'s business.
 */
final class EpochLoop {

    /** One epoch's work where the data lives. */
    interface EpochRunner {
        /** Trains one epoch (1, 2, ...) and returns the mean loss of its minibatches. */
        double fit(int epoch);

        /** Loss and accuracy of the network as it is now on the validation data (empty without any). */
        ValidationTally validate();
    }

    private EpochLoop() {}

    static <N extends Model> TrainingResult<N> run(N network, EpochRunner runner, TrainerSettings settings,
                                                   ProgressListener listener) {
        List<EpochRecord> history = new ArrayList<>();
        NetworkOps.Snapshot best = null;
        int bestEpoch = 0;
        double bestLoss = Double.POSITIVE_INFINITY;
        double totalSeconds = 0;
        StopReason reason = StopReason.EPOCHS_DONE;
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            long start = System.nanoTime();
            double trainLoss = runner.fit(epoch);
            ValidationTally validation = runner.validate();
            double seconds = (System.nanoTime() - start) / 1e9;
            totalSeconds += seconds;
            EpochRecord record = new EpochRecord(epoch, trainLoss, validation.loss(), Double.NaN,
                    validation.accuracy(), seconds);
            history.add(record);
            if (validation.isEmpty()) {
                bestEpoch = epoch;                            // nothing to choose by: the last epoch is kept
            } else if (validation.loss() < bestLoss) {        // false for NaN
                bestLoss = validation.loss();
                bestEpoch = epoch;
                best = NetworkOps.snapshot(network);
            }
            double secondsLeft = totalSeconds / epoch * (settings.epochs() - epoch);
            listener.epochFinished(new EpochProgress(record, settings.epochs(), bestEpoch, secondsLeft));
            if (!Double.isFinite(trainLoss)) {
                reason = StopReason.DIVERGED;
                break;
            }
            if (!validation.isEmpty() && settings.patience() > 0 && epoch - bestEpoch >= settings.patience()) {
                reason = StopReason.NO_IMPROVEMENT;
                break;
            }
        }
        int lastEpoch = history.size();
        if (best != null && bestEpoch != lastEpoch) {
            NetworkOps.restore(network, best);
        }
        int keptEpoch = bestEpoch == 0 ? lastEpoch : bestEpoch;   // 0: the validation loss was never a number
        return new TrainingResult<>(network, history, keptEpoch, reason);
    }
}
