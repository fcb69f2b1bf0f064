package dev.audiopipeline.training.datasets;

import java.io.Serializable;

/**
 * Running count, sum and sum of squares per coefficient: what the normaliser's means and standard deviations are
 * computed from, merged across partitions. Non-finite values (a silent segment's NaN skew) are not counted.
 */
final class Moments implements Serializable {
    private static final long serialVersionUID = 1L;

    final long[] count;
    final double[] sum;
    final double[] sumOfSquares;

    Moments(int coefficients) {
        count = new long[coefficients];
        sum = new double[coefficients];
        sumOfSquares = new double[coefficients];
    }

    /** Adds every frame of a {@code [frame][coefficient]} matrix. */
    Moments add(float[][] matrix) {
        for (float[] frame : matrix) {
            requireWidth(frame.length);
            for (int c = 0; c < frame.length; c++) {
                add(c, frame[c]);
            }
        }
        return this;
    }

    Moments add(double[] vector) {
        requireWidth(vector.length);
        for (int c = 0; c < vector.length; c++) {
            add(c, vector[c]);
        }
        return this;
    }

    Moments merge(Moments other) {
        for (int c = 0; c < count.length; c++) {
            count[c] += other.count[c];
            sum[c] += other.sum[c];
            sumOfSquares[c] += other.sumOfSquares[c];
        }
        return this;
    }

    private void add(int c, double value) {
        if (Double.isFinite(value)) {
            count[c]++;
            sum[c] += value;
            sumOfSquares[c] += value * value;
        }
    }

    private void requireWidth(int width) {
        if (width != count.length) {
            throw new IllegalArgumentException("a row has " + width + " coefficients, the first had " + count.length
                    + ": the table mixes feature settings");
        }
    }
}
