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
            double x = Math.pow(10, random.nextDouble() * 616 - 308); // 1e-308 .. 1e308
            worst = Math.max(worst, error(x));
        }
        for (int i = 0; i < 1_000_000; i++) {
            // any positive normal bit pattern: every exponent, every table cell, random low mantissa bits
            long bits = 0x0010000000000000L + Math.floorMod(random.nextLong(), 0x7fe0000000000000L);
            worst = Math.max(worst, error(Double.longBitsToDouble(bits)));
        }
        for (int i = 0; i < 200_000; i++) {
            worst = Math.max(worst, error(1.0 + (random.nextDouble() - 0.5) * 1e-3)); // around the zero of log10
        }
        for (double x : new double[] {1e-10, 1.0, 2.0, Math.sqrt(2), Math.nextUp(Math.sqrt(2)), 10.0, 0.5,
            Math.nextDown(1.0), Math.nextUp(1.0), Math.nextDown(2.0), Double.MIN_NORMAL, Double.MAX_VALUE,
            Float.MIN_NORMAL, Float.MAX_VALUE, Float.MIN_VALUE, 3.0517578125e-5}) {
            worst = Math.max(worst, error(x));
        }
        assertThat(worst).isLessThan(1.0);
        assertThat(FastLog10.log10(1.0)).isZero();
        assertThat(FastLog10.log10(1000.0)).isEqualTo(3.0, org.assertj.core.api.Assertions.within(1e-15));
    }

    @Test
    void everyTableCellIsExactAtItsEdgesAndInside() {
        // m = 1 + i/128 (cell start), just below the next cell, and the middle, for a few exponents
        double worst = 0;
        for (int exponent : new int[] {-1022, -34, -1, 0, 1, 100, 1023}) {
            for (int i = 0; i < 128; i++) {
                double start = Math.scalb(1.0 + i / 128.0, exponent);
                double next = Math.scalb(1.0 + (i + 1) / 128.0, exponent);
                for (double x : new double[] {start, Math.nextUp(start), Math.nextDown(next),
                    Math.scalb(1.0 + (i + 0.5) / 128.0, exponent)}) {
                    worst = Math.max(worst, error(x));
                }
            }
        }
        assertThat(worst).isLessThan(1.0);
    }

    /** Error in units of the documented bound, 4e-16 + 3e-16 |log10 x| (a few ulps). */
    private static double error(double x) {
        double exact = Math.log10(x);
        return Math.abs(FastLog10.log10(x) - exact) / (4e-16 + 3e-16 * Math.abs(exact));
    }

    @Test
    void specialValuesAndSubnormalsFollowMathLog10() {
        assertThat(FastLog10.log10(0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(FastLog10.log10(-0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(FastLog10.log10(Double.MIN_VALUE)).isEqualTo(Math.log10(Double.MIN_VALUE));
        for (double subnormal : new double[] {Double.MIN_VALUE, 3 * Double.MIN_VALUE, Double.MIN_NORMAL / 3,
            Math.nextDown(Double.MIN_NORMAL)}) {
            assertThat(FastLog10.log10(subnormal)).isEqualTo(Math.log10(subnormal));
        }
        assertThat(FastLog10.log10(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(FastLog10.log10(-1.0)).isNaN();
        assertThat(FastLog10.log10(Double.NEGATIVE_INFINITY)).isNaN();
        assertThat(FastLog10.log10(Double.NaN)).isNaN();
    }
}
