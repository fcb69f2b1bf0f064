package dev.audiopipeline.training.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BinaryCurvesTest {
    private static final double EXACT = 1e-12;

    /*
     * Scores .1 .5 .5 .8 .5 .2 for truth N N P P P N. Thresholds .8, .5, .2, .1:
     * .8: tp 1 fp 0; .5 (three examples at once: P P N): tp 3 fp 1; .2: tp 3 fp 2; .1: tp 3 fp 3.
     * ROC (fpr, tpr): (0,0) (0,1/3) (1/3,1) (2/3,1) (1,1), as sklearn's roc_curve(drop_intermediate=False).
     * AUC = 3 + 2.5 + 2.5 of 9 pairs = 8/9 (sklearn 0.888888888888889). AP = 1/3 x 1 + 2/3 x 3/4 = 5/6.
     */
    private static final BinaryCurves TIED = BinaryCurves.of(
            new double[] {0.1, 0.5, 0.5, 0.8, 0.5, 0.2}, new boolean[] {false, false, true, true, true, false});

    @Test
    void rocGroupsEqualScoresIntoOneStep() {
        CurvePoints roc = TIED.roc();

        assertThat(roc.x()).containsExactly(new double[] {0, 0, 1.0 / 3, 2.0 / 3, 1}, within(EXACT));
        assertThat(roc.y()).containsExactly(new double[] {0, 1.0 / 3, 1, 1, 1}, within(EXACT));
        assertThat(TIED.rocAuc()).isCloseTo(8.0 / 9, within(EXACT));
        assertThat(TIED.positives()).isEqualTo(3);
        assertThat(TIED.negatives()).isEqualTo(3);
    }

    @Test
    void precisionRecallStepsEncloseTheAveragePrecision() {
        CurvePoints steps = TIED.precisionRecall().withoutCollinear();

        assertThat(TIED.averagePrecision()).isCloseTo(5.0 / 6, within(EXACT));
        assertThat(steps.x()).containsExactly(new double[] {0, 1.0 / 3, 1.0 / 3, 1, 1}, within(EXACT));
        assertThat(steps.y()).containsExactly(new double[] {1, 1, 0.75, 0.75, 0.5}, within(EXACT));
        double area = 0;
        for (int i = 1; i < steps.size(); i++) {
            area += (steps.x()[i] - steps.x()[i - 1]) * steps.y()[i];
        }
        assertThat(area).isCloseTo(TIED.averagePrecision(), within(EXACT));
    }

    @Test
    void undefinedCurvesAreEmptyAndTheirAreasNull() {
        BinaryCurves noPositive = BinaryCurves.of(new double[] {0.2, 0.4}, new boolean[] {false, false});
        BinaryCurves noNegative = BinaryCurves.of(new double[] {0.2, 0.4}, new boolean[] {true, true});

        assertThat(noPositive.rocAuc()).isNull();
        assertThat(noPositive.averagePrecision()).isNull();
        assertThat(noPositive.roc().size()).isZero();
        assertThat(noPositive.precisionRecall().size()).isZero();
        assertThat(noNegative.rocAuc()).isNull();
        assertThat(noNegative.averagePrecision()).isEqualTo(1.0);
    }

    @Test
    void aPerfectRankingHasAreaOneAndAReversedOneZero() {
        boolean[] truth = {true, true, false, false};

        assertThat(BinaryCurves.of(new double[] {0.9, 0.8, 0.3, 0.1}, truth).rocAuc()).isEqualTo(1.0);
        assertThat(BinaryCurves.of(new double[] {0.1, 0.2, 0.8, 0.9}, truth).rocAuc()).isEqualTo(0.0);
        assertThat(BinaryCurves.of(new double[] {0.5, 0.5, 0.5, 0.5}, truth).rocAuc()).isEqualTo(0.5);
    }

    @Test
    void thinningKeepsTheEndsAndAtMostTheGivenPoints() {
        double[] x = new double[1001];
        double[] y = new double[1001];
        for (int i = 0; i <= 1000; i++) {
            x[i] = i / 1000.0;
            y[i] = Math.sqrt(x[i]);
        }

        CurvePoints thinned = new CurvePoints(x, y).thinnedTo(11);

        assertThat(thinned.x()).containsExactly(new double[] {0, .1, .2, .3, .4, .5, .6, .7, .8, .9, 1}, within(EXACT));
        assertThat(thinned.y()[10]).isEqualTo(1.0);
    }
}
