package dev.audiopipeline.training.report;

import dev.audiopipeline.training.evaluation.Evaluator;
import dev.audiopipeline.training.evaluation.ModelEvaluation;
import dev.audiopipeline.training.evaluation.ModelIdentity;
import dev.audiopipeline.training.evaluation.SyntheticPredictions;
import dev.audiopipeline.training.trainer.EpochRecord;
import java.util.ArrayList;
import java.util.List;

/** Evaluated made-up models for the report's tests (paths and labels with markup: see SyntheticPredictions). */
final class ReportFixtures {
    static final String HASH = "5e1f0c2a";

    private ReportFixtures() {
    }

    /** A DL4J-like model with a 12-epoch history (the first epoch's validation loss not measured). */
    static ModelEvaluation network(String name, int tracks, double signal, long seed) {
        List<EpochRecord> history = new ArrayList<>();
        for (int epoch = 1; epoch <= 12; epoch++) {
            double trainLoss = 1.4 * Math.exp(-epoch / 4.0) + 0.2;
            double validationLoss = epoch == 1 ? Double.NaN : trainLoss + 0.05 + 0.01 * epoch;
            history.add(new EpochRecord(epoch, trainLoss, validationLoss, 1 - trainLoss / 2, 0.95 - trainLoss / 2,
                    4.2));
        }
        return Evaluator.evaluate(new ModelIdentity(name, "lstm", HASH), SyntheticPredictions.LABELS,
                SyntheticPredictions.segments(tracks, signal, seed), history);
    }

    /** An MLlib-like model: no history. */
    static ModelEvaluation baseline(String name, int tracks, double signal, long seed) {
        return Evaluator.evaluate(new ModelIdentity(name, "rf", HASH), SyntheticPredictions.LABELS,
                SyntheticPredictions.segments(tracks, signal, seed), List.of());
    }
}
