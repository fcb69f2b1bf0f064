package dev.audiopipeline.training.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.audiopipeline.training.prediction.Labels;
import dev.audiopipeline.training.prediction.Ranking;
import dev.audiopipeline.training.prediction.SegmentPrediction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link LevelMetrics} against hand-worked cases and against scikit-learn. The reference numbers come from
 * {@code src/test/resources/dev/audiopipeline/training/evaluation/metrics_reference.py} (scikit-learn 1.9.1,
 * numpy 2.4): {@code precision_recall_fscore_support(zero_division=0)}, {@code f1_score(average='macro')},
 * {@code confusion_matrix}, per-label binary {@code roc_auc_score} and {@code average_precision_score}; top-2
 * accuracy and ECE by the product's own definitions written in numpy there.
 */
class MetricsTest {
    private static final double EXACT = 1e-12;

    private static ScoredExample example(int actual, double... scores) {
        return new ScoredExample(actual, Ranking.byScore(scores), scores);
    }

    /*
     * Labels a, b, c; eight examples, predicted label = highest score.
     *
     *   #  true  scores (a, b, c)   predicted
     *   1  a     .7  .2  .1         a
     *   2  a     .5  .4  .1         a
     *   3  a     .3  .6  .1         b
     *   4  b     .2  .7  .1         b
     *   5  b     .4  .3  .3         a    (b and c tie at .3: b ranks second by label order)
     *   6  b     .1  .8  .1         b
     *   7  c     .2  .3  .5         c
     *   8  c     .45 .35 .2         a    (c ranks third: the one top-2 miss)
     */
    private static final List<ScoredExample> HAND = List.of(
            example(0, 0.7, 0.2, 0.1),
            example(0, 0.5, 0.4, 0.1),
            example(0, 0.3, 0.6, 0.1),
            example(1, 0.2, 0.7, 0.1),
            example(1, 0.4, 0.3, 0.3),
            example(1, 0.1, 0.8, 0.1),
            example(2, 0.2, 0.3, 0.5),
            example(2, 0.45, 0.35, 0.2));
    private static final Labels ABC = Labels.of("a", "b", "c");

    @Test
    void handWorkedConfusionMatrixAndPerClassMetrics() {
        LevelMetrics metrics = LevelMetrics.of(ABC, HAND);

        // Rows true a, b, c; columns predicted a, b, c.
        assertThat(metrics.confusion().counts()).isDeepEqualTo(new long[][] {{2, 1, 0}, {1, 2, 0}, {1, 0, 1}});
        assertThat(metrics.accuracy()).isEqualTo(5.0 / 8);
        // Precision = diagonal / column: a 2/4, b 2/3, c 1/1. Recall = diagonal / row: 2/3, 2/3, 1/2.
        // F1 = 2tp / (2tp + fp + fn): a 4/7, b 4/6, c 2/3.
        assertClass(metrics.perClass().get(0), 2.0 / 4, 2.0 / 3, 4.0 / 7, 3);
        assertClass(metrics.perClass().get(1), 2.0 / 3, 2.0 / 3, 4.0 / 6, 3);
        assertClass(metrics.perClass().get(2), 1.0, 1.0 / 2, 2.0 / 3, 2);
        assertThat(metrics.macroF1()).isCloseTo((4.0 / 7 + 2.0 / 3 + 2.0 / 3) / 3, within(EXACT));
        assertThat(metrics.macroF1()).isCloseTo(0.6349206349206349, within(EXACT)); // sklearn
        assertThat(metrics.examples()).isEqualTo(8);
    }

    /*
     * ROC AUC = share of (positive, negative) pairs where the positive scores higher, a tie counting 1/2.
     *   a: positives .7 .5 .3 against negatives .2 .4 .1 .2 .45: 5 + 5 + 3 = 13 of 15.
     *   b: positives .7 .3 .8 against negatives .2 .4 .6 .3 .35: 5 + (1 + 1/2 for the tie at .3) + 5 = 11.5 of 15.
     *   c: positives .5 .2 against negatives .1 .1 .1 .1 .3 .1: 6 + 5 = 11 of 12.
     * Macro: (13/15 + 11.5/15 + 11/12) / 3 = 153/180 = 0.85.
     */
    @Test
    void handWorkedRocAucWithATie() {
        LevelMetrics metrics = LevelMetrics.of(ABC, HAND);

        assertThat(metrics.rocAuc().get(0)).isCloseTo(13.0 / 15, within(EXACT));
        assertThat(metrics.rocAuc().get(1)).isCloseTo(11.5 / 15, within(EXACT));
        assertThat(metrics.rocAuc().get(2)).isCloseTo(11.0 / 12, within(EXACT));
        assertThat(metrics.rocAucMacro()).isCloseTo(0.85, within(EXACT));
    }

    /*
     * Average precision = sum over thresholds, highest first, of (recall gained) x (precision there).
     *   a: .7 P (P 1, R 1/3), .5 P (P 1, R 2/3), .45 N, .4 N, .3 P (P 3/5, R 1): 1/3 + 1/3 + 1/3 x 3/5 = 13/15.
     *   b: .8 P, .7 P (R 2/3 at P 1), .6 .4 .35 N, .3 P and N together (P 3/7, R 1): 2/3 + 1/3 x 3/7 = 17/21.
     *   c: .5 P (P 1, R 1/2), .3 N, .2 P (P 2/3, R 1): 1/2 + 1/2 x 2/3 = 5/6.
     */
    @Test
    void handWorkedAveragePrecision() {
        LevelMetrics metrics = LevelMetrics.of(ABC, HAND);

        assertThat(metrics.prAuc().get(0)).isCloseTo(13.0 / 15, within(EXACT));
        assertThat(metrics.prAuc().get(1)).isCloseTo(17.0 / 21, within(EXACT));
        assertThat(metrics.prAuc().get(2)).isCloseTo(5.0 / 6, within(EXACT));
        assertThat(metrics.prAucMacro()).isCloseTo((13.0 / 15 + 17.0 / 21 + 5.0 / 6) / 3, within(EXACT));
    }

    /*
     * Top-2: only example 8 (true c, ranked a, b, c) misses: 7/8.
     * ECE, 10 bins (b/10, (b+1)/10]: confidences .4 (wrong) in bin 3; .5 .5 (right) and .45 (wrong) in bin 4;
     * .6 (wrong) in bin 5; .7 .7 (right) in bin 6; .8 (right) in bin 7.
     * (1 x |0 - .4| + 3 x |2/3 - 1.45/3| + 1 x |0 - .6| + 2 x |1 - .7| + 1 x |1 - .8|) / 8
     * = (.4 + .55 + .6 + .6 + .2) / 8 = 0.29375.
     */
    @Test
    void handWorkedTopTwoAccuracyAndCalibrationError() {
        LevelMetrics metrics = LevelMetrics.of(ABC, HAND);

        assertThat(metrics.top2Accuracy()).isEqualTo(7.0 / 8);
        assertThat(metrics.ece()).isCloseTo(0.29375, within(EXACT));
    }

    @Test
    void aLabelAbsentFromTheTruthHasNoAucAndTheMacrosAverageTheOthers() {
        // Labels a, b, c; no true c. Example 3 is predicted c; a and b are never predicted wrongly otherwise.
        List<ScoredExample> examples = List.of(
                example(0, 0.8, 0.1, 0.1),
                example(0, 0.6, 0.3, 0.1),
                example(1, 0.2, 0.3, 0.5),
                example(1, 0.1, 0.7, 0.2));

        LevelMetrics metrics = LevelMetrics.of(ABC, examples);

        assertThat(metrics.rocAuc().get(2)).isNull();
        assertThat(metrics.prAuc().get(2)).isNull();
        // a: positives .8 .6 above negatives .2 .1: 1. b: positives .3 .7 against .1 .3: (1.5 + 2) / 4.
        assertThat(metrics.rocAuc().get(0)).isEqualTo(1.0);
        assertThat(metrics.rocAuc().get(1)).isCloseTo(3.5 / 4, within(EXACT));
        assertThat(metrics.rocAucMacro()).isCloseTo((1.0 + 3.5 / 4) / 2, within(EXACT));
        assertThat(metrics.prAucMacro()).isCloseTo((metrics.prAuc().get(0) + metrics.prAuc().get(1)) / 2,
                within(EXACT));
        // c is predicted once and never right: precision 0, recall 0 (no support), F1 0, and it counts in the
        // macro F1 (sklearn's f1_score without labels= averages over the labels in the truth or the predictions):
        // a F1 1, b F1 2/3, c 0.
        assertClass(metrics.perClass().get(2), 0.0, 0.0, 0.0, 0);
        assertThat(metrics.macroF1()).isCloseTo((1.0 + 2.0 / 3 + 0.0) / 3, within(EXACT));
    }

    @Test
    void aLabelNeitherPresentNorPredictedIsLeftOutOfMacroF1AndReportsZeros() {
        List<ScoredExample> examples = List.of(example(0, 0.8, 0.1, 0.1), example(1, 0.6, 0.3, 0.1));

        LevelMetrics metrics = LevelMetrics.of(ABC, examples);

        // a: precision 1/2, recall 1, F1 2/3; b: never predicted, precision 0 (zero_division=0), F1 0.
        assertClass(metrics.perClass().get(1), 0.0, 0.0, 0.0, 1);
        assertClass(metrics.perClass().get(2), 0.0, 0.0, 0.0, 0);
        assertThat(metrics.macroF1()).isCloseTo((2.0 / 3 + 0.0) / 2, within(EXACT));
        assertThat(metrics.rocAuc().get(2)).isNull();
    }

    @Test
    void noLabelWithBothPositivesAndNegativesLeavesTheMacroAucUndefined() {
        LevelMetrics metrics = LevelMetrics.of(ABC, List.of(example(0, 0.8, 0.1, 0.1), example(0, 0.2, 0.7, 0.1)));

        assertThat(metrics.rocAuc()).containsOnlyNulls();
        assertThat(metrics.rocAucMacro()).isNull();
        assertThat(metrics.prAuc().get(0)).isEqualTo(1.0);
        assertThat(metrics.prAucMacro()).isEqualTo(1.0);
    }

    @Test
    void nothingToEvaluateIsRefused() {
        assertThatThrownBy(() -> LevelMetrics.of(ABC, List.of())).hasMessageContaining("no examples");
    }

    @Test
    void segmentsWithoutALabelOrWithAnUnknownOneAreRefusedNamingTheTrack() {
        SegmentPrediction unlabelled = new SegmentPrediction("t7", "/x.wav", null, 0, new double[] {1, 0, 0});
        SegmentPrediction unknown = new SegmentPrediction("t8", "/y.wav", "polka", 0, new double[] {1, 0, 0});

        assertThatThrownBy(() -> ScoredExamples.ofSegments(List.of(unlabelled), ABC))
                .hasMessageContaining("track t7 has no label");
        assertThatThrownBy(() -> ScoredExamples.ofSegments(List.of(unknown), ABC))
                .hasMessageContaining("t8").hasMessageContaining("'polka'");
    }

    /* 80 examples, 4 labels, scores rounded to 2 decimals (many equal scores); see metrics_reference.py. */
    @Test
    void randomCaseMatchesScikitLearn() {
        List<ScoredExample> examples = new ArrayList<>();
        for (int i = 0; i < RANDOM_ACTUAL.length; i++) {
            examples.add(example(RANDOM_ACTUAL[i], RANDOM_SCORES[i]));
        }

        LevelMetrics metrics = LevelMetrics.of(Labels.of("w", "x", "y", "z"), examples);

        assertThat(metrics.accuracy()).isCloseTo(0.7, within(EXACT));
        assertThat(metrics.macroF1()).isCloseTo(0.6877272070486318, within(EXACT));
        assertThat(metrics.confusion().counts()).isDeepEqualTo(
                new long[][] {{18, 2, 2, 1}, {1, 9, 4, 1}, {3, 2, 12, 1}, {2, 3, 2, 17}});
        double[] precision = {0.75, 0.5625, 0.6, 0.85};
        double[] recall = {0.782608695652174, 0.6, 0.6666666666666666, 0.7083333333333334};
        double[] f1 = {0.7659574468085106, 0.5806451612903226, 0.631578947368421, 0.7727272727272727};
        long[] support = {23, 15, 18, 24};
        for (int label = 0; label < 4; label++) {
            assertClass(metrics.perClass().get(label), precision[label], recall[label], f1[label], support[label]);
        }
        assertPerLabel(metrics.rocAuc(),
                0.9252479023646072, 0.8717948717948718, 0.8633512544802867, 0.9088541666666667);
        assertThat(metrics.rocAucMacro()).isCloseTo(0.8923120488266081, within(EXACT));
        assertPerLabel(metrics.prAuc(),
                0.8244598230328151, 0.6786943465890835, 0.7408329328184129, 0.8585044757097311);
        assertThat(metrics.prAucMacro()).isCloseTo(0.7756228945375107, within(EXACT));
        assertThat(metrics.top2Accuracy()).isCloseTo(0.875, within(EXACT));
        assertThat(metrics.ece()).isCloseTo(0.125125, within(EXACT));
    }

    private static void assertPerLabel(List<Double> actual, double... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int label = 0; label < expected.length; label++) {
            assertThat(actual.get(label)).as("label %d", label).isCloseTo(expected[label], within(EXACT));
        }
    }

    private static void assertClass(ClassMetrics metrics, double precision, double recall, double f1, long support) {
        assertThat(metrics.precision()).as("precision").isCloseTo(precision, within(EXACT));
        assertThat(metrics.recall()).as("recall").isCloseTo(recall, within(EXACT));
        assertThat(metrics.f1()).as("f1").isCloseTo(f1, within(EXACT));
        assertThat(metrics.support()).as("support").isEqualTo(support);
    }

    private static final int[] RANDOM_ACTUAL = {
            3, 0, 2, 0, 3, 0, 2, 1, 0, 2, 3, 2, 2, 2, 0, 0, 0, 3, 1, 0, 3, 3, 3, 2, 3, 2, 3, 3, 0, 3,
            3, 1, 2, 3, 0, 0, 0, 3, 0, 0, 1, 0, 1, 1, 3, 2, 1, 3, 2, 3, 1, 0, 1, 3, 1, 1, 2, 1, 0, 0,
            1, 2, 2, 0, 2, 0, 1, 3, 0, 2, 3, 3, 3, 0, 2, 0, 1, 3, 2, 3
    };
    private static final double[][] RANDOM_SCORES = {
            {0.09, 0.19, 0.01, 0.71}, {0.4, 0.23, 0.2, 0.17}, {0.38, 0.09, 0.22, 0.32},
            {0.58, 0.12, 0.14, 0.15}, {0.06, 0.15, 0.59, 0.2}, {0.5, 0.07, 0.09, 0.34},
            {0.09, 0.15, 0.75, 0.01}, {0.01, 0.77, 0.02, 0.2}, {0.47, 0.32, 0.07, 0.14},
            {0.07, 0.1, 0.46, 0.37}, {0.18, 0.03, 0.14, 0.65}, {0.03, 0.54, 0.27, 0.17},
            {0.05, 0.22, 0.67, 0.07}, {0.35, 0.07, 0.5, 0.07}, {0.41, 0.2, 0.13, 0.26},
            {0.93, 0.01, 0.05, 0.02}, {0.76, 0.05, 0.1, 0.09}, {0.43, 0.01, 0.04, 0.52},
            {0.07, 0.69, 0.18, 0.06}, {0.55, 0.16, 0.23, 0.05}, {0.14, 0.61, 0.11, 0.13},
            {0.08, 0.01, 0.07, 0.85}, {0.11, 0.03, 0.08, 0.78}, {0.51, 0.17, 0.04, 0.29},
            {0.04, 0.07, 0.08, 0.82}, {0.04, 0.1, 0.65, 0.21}, {0.08, 0.06, 0.12, 0.74},
            {0.07, 0.35, 0.15, 0.43}, {0.41, 0.41, 0.13, 0.05}, {0.19, 0.13, 0.13, 0.55},
            {0.36, 0.06, 0.09, 0.5}, {0.3, 0.18, 0.27, 0.25}, {0.04, 0.25, 0.6, 0.12},
            {0.01, 0.02, 0.71, 0.26}, {0.59, 0.15, 0.19, 0.07}, {0.36, 0.1, 0.44, 0.09},
            {0.59, 0.04, 0.26, 0.12}, {0.46, 0.08, 0.02, 0.45}, {0.49, 0.46, 0.01, 0.04},
            {0.61, 0.07, 0.02, 0.29}, {0.07, 0.53, 0.29, 0.1}, {0.47, 0.22, 0.06, 0.25},
            {0.04, 0.52, 0.16, 0.28}, {0.13, 0.41, 0.04, 0.42}, {0.13, 0.32, 0.21, 0.35},
            {0.07, 0.12, 0.7, 0.11}, {0.06, 0.41, 0.33, 0.19}, {0.18, 0.17, 0.18, 0.47},
            {0.04, 0.06, 0.87, 0.04}, {0.09, 0.13, 0.12, 0.66}, {0.03, 0.9, 0.04, 0.03},
            {0.41, 0.08, 0.24, 0.26}, {0.02, 0.93, 0.02, 0.03}, {0.53, 0.09, 0.08, 0.3},
            {0.02, 0.25, 0.38, 0.36}, {0.24, 0.07, 0.55, 0.15}, {0.08, 0.13, 0.65, 0.15},
            {0.24, 0.64, 0.08, 0.03}, {0.28, 0.1, 0.06, 0.57}, {0.35, 0.11, 0.39, 0.14},
            {0.06, 0.22, 0.67, 0.05}, {0.08, 0.06, 0.4, 0.46}, {0.14, 0.41, 0.34, 0.11},
            {0.21, 0.43, 0.35, 0.01}, {0.02, 0.07, 0.88, 0.03}, {0.56, 0.08, 0.31, 0.05},
            {0.03, 0.73, 0.11, 0.13}, {0.13, 0.4, 0.19, 0.28}, {0.61, 0.25, 0.06, 0.08},
            {0.08, 0.07, 0.77, 0.08}, {0.05, 0.03, 0.02, 0.9}, {0.1, 0.06, 0.13, 0.71},
            {0.17, 0.05, 0.31, 0.47}, {0.42, 0.02, 0.27, 0.29}, {0.02, 0.06, 0.82, 0.1},
            {0.09, 0.67, 0.04, 0.2}, {0.02, 0.41, 0.53, 0.04}, {0.13, 0.12, 0.11, 0.64},
            {0.58, 0.16, 0.12, 0.13}, {0.02, 0.71, 0.18, 0.09}
    };
}
