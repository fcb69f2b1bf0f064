package dev.audiopipeline.training.evaluation;

import dev.audiopipeline.training.prediction.Labels;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Every metric of one level (segments, or tracks by one aggregation), lists in the model's label order.
 *
 * <p>Undefined cases: a label absent from the truth has a null ROC AUC and PR-AUC (one-vs-rest needs positives,
 * ROC AUC negatives too), and the macro averages are over the labels where they are defined (null when none is).
 * Macro F1 averages the labels that occur in the truth or in the predictions (sklearn's {@code f1_score(...,
 * average='macro')} without {@code labels=}): a label neither present nor predicted does not count, a label
 * predicted but absent counts with F1 0.
 *
 * @param examples how many segments or tracks were measured
 * @param rocAuc per label; null entries where undefined
 * @param rocAucMacro the mean of the defined per-label values (sklearn's one-vs-rest macro), or null
 * @param prAuc per label, average precision; null entries where undefined
 * @param prAucMacro the mean of the defined per-label values, or null
 * @param top2Accuracy share of examples whose true label is among the two best-ranked
 * @param ece expected calibration error over {@link CalibrationError#DEFAULT_BINS} bins
 * @param curves per label, the one-vs-rest curves (for plots)
 */
public record LevelMetrics(Labels labels, int examples, double accuracy, double macroF1, List<ClassMetrics> perClass,
                           ConfusionMatrix confusion, List<Double> rocAuc, Double rocAucMacro, List<Double> prAuc,
                           Double prAucMacro, double top2Accuracy, double ece, List<BinaryCurves> curves) {

    public static LevelMetrics of(Labels labels, Collection<ScoredExample> examples) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("nothing to evaluate: no examples");
        }
        ConfusionMatrix confusion = ConfusionMatrix.of(labels, examples);
        List<ClassMetrics> perClass = new ArrayList<>();
        List<BinaryCurves> curves = new ArrayList<>();
        List<Double> rocAuc = new ArrayList<>();
        List<Double> prAuc = new ArrayList<>();
        double f1Sum = 0.0;
        int f1Labels = 0;
        for (int label = 0; label < labels.size(); label++) {
            ClassMetrics metrics = ClassMetrics.of(confusion, label);
            perClass.add(metrics);
            if (confusion.support(label) > 0 || confusion.predicted(label) > 0) {
                f1Sum += metrics.f1();
                f1Labels++;
            }
            BinaryCurves labelCurves = BinaryCurves.oneVsRest(examples, label);
            curves.add(labelCurves);
            rocAuc.add(labelCurves.rocAuc());
            prAuc.add(labelCurves.averagePrecision());
        }
        return new LevelMetrics(labels, examples.size(), (double) confusion.correct() / confusion.total(),
                f1Sum / f1Labels, List.copyOf(perClass), confusion, nullable(rocAuc), meanOfDefined(rocAuc),
                nullable(prAuc), meanOfDefined(prAuc), TopKAccuracy.of(examples, 2),
                CalibrationError.expected(examples, CalibrationError.DEFAULT_BINS), List.copyOf(curves));
    }

    static Double meanOfDefined(List<Double> values) {
        double sum = 0.0;
        int defined = 0;
        for (Double value : values) {
            if (value != null) {
                sum += value;
                defined++;
            }
        }
        return defined == 0 ? null : sum / defined;
    }

    private static List<Double> nullable(List<Double> values) {
        return Collections.unmodifiableList(new ArrayList<>(values));
    }
}
