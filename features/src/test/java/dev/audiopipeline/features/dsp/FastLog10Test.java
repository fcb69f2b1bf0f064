package dev.audiopipeline.features.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FastLog10Test {

    @Test
    void agreesWithMathLog10AcrossTheWholeRange() {
        Random random = new Random(5);
        double worst = 0;
        for (int i = 0; i < 1_000_000; i++) {
            double x = Math.pow(10, random.nextDouble() * 600 - 300); // 1e-300 .. 1e300
            worst = Math.max(worst, error(x));
        }
        for (double x : new double[] {1e-10, 1.0, 2.0, Math.sqrt(2), Math.nextUp(Math.sqrt(2)), 10.0, 0.5,
            Float.MIN_NORMAL, Float.MAX_VALUE, 3.0517578125e-5}) {
            worst = Math.max(worst, error(x));
        }
        assertThat(worst).isLessThan(1.0);
        assertThat(FastLog10.log10(1.0)).isZero();
        assertThat(FastLog10.log10(1000.0)).isEqualTo(3.0, org.assertj.core.api.Assertions.within(1e-15));
    }

    /** Error in units of the documented bound, 2e-13 + 1e-15 |log10 x|. */
    private static double error(double x) {
        double exact = Math.log10(x);
        return Math.abs(FastLog10.log10(x) - exact) / (2e-13 + 1e-15 * Math.abs(exact));
    }

    @Test
    void specialValuesFollowMathLog10() {
        assertThat(FastLog10.log10(0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(FastLog10.log10(Double.MIN_VALUE)).isEqualTo(Math.log10(Double.MIN_VALUE));
        assertThat(FastLog10.log10(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(FastLog10.log10(-1.0)).isNaN();
        assertThat(FastLog10.log10(Double.NaN)).isNaN();
    }
}
