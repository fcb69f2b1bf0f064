package dev.audiopipeline.training.baselines;

import java.io.Serializable;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Fits the scale {@code s} (one over a temperature) of {@code softmax(s * margins)} to labelled margins by
 * minimising the mean cross-entropy: Platt scaling's one-parameter multi-class form (temperature scaling, Guo et al.,
 * "On Calibration of Modern Neural Networks", 2017). The loss is convex in {@code s}; a safeguarded Newton search
 * (one Spark pass over the margins per step; partition sums merged in partition order, so the same input gives the
 * same scale) finds its minimum.
 *
 * <p>Targets are smoothed as Platt smoothed his: {@code 1 - eps} on the true label and {@code eps / (K - 1)} on each
 * of the {@code K - 1} others, {@code eps = 1 / (rows + 2)}. Margins that separate the labels perfectly then still
 * give a finite scale, not an infinitely sharp one.
 */
public final class SoftmaxTemperature {
    private static final int MAX_STEPS = 100;
    /** Stop when the gradient is this small relative to the mean absolute margin. */
    private static final double GRADIENT_TOLERANCE = 1e-9;

    private SoftmaxTemperature() {
    }

    /**
     * The fitted scale, {@code > 0}.
     *
     * @param margins rows with a margin vector (one per label, at least two labels) and the true label's index
     * @param marginCol the margins' column, a vector
     * @param labelIndexCol the label's index in the margins, a number
     * @throws IllegalArgumentException when there are no rows, or a label index lies outside its margins
     */
    public static double fit(Dataset<Row> margins, String marginCol, String labelIndexCol) {
        Dataset<Row> rows = margins.select(marginCol, labelIndexCol).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            JavaRDD<Row> rdd = rows.javaRDD();
            long count = rdd.count();
            if (count == 0) {
                throw new IllegalArgumentException("no rows to fit a softmax temperature to");
            }
            double epsilon = 1.0 / (count + 2);
            double low = 0;
            double high = Double.POSITIVE_INFINITY;
            double scale = 1.0;
            for (int step = 0; step < MAX_STEPS; step++) {
                LossTerms terms = sum(rdd, scale, epsilon);
                double gradient = terms.gradient();
                if (Math.abs(gradient) <= GRADIENT_TOLERANCE * Math.max(terms.meanAbsoluteMargin(), 1e-300)) {
                    break;
                }
                if (gradient < 0) {
                    low = scale;
                } else {
                    high = scale;
                }
                double next = scale - gradient / terms.curvature();
                if (!(next > low && next < high)) {
                    next = Double.isInfinite(high) ? 2 * scale : (low + high) / 2;
                }
                if (Math.abs(next - scale) <= 1e-12 * scale) {
                    break;
                }
                scale = next;
            }
            return scale;
        } finally {
            rows.unpersist();
        }
    }

    private static LossTerms sum(JavaRDD<Row> rows, double scale, double epsilon) {
        List<LossTerms> byPartition = rows.mapPartitions((Iterator<Row> partition) -> {
            LossTerms terms = new LossTerms();
            partition.forEachRemaining(row -> terms.add(((Vector) row.get(0)).toArray(),
                    (int) Math.round(((Number) row.get(1)).doubleValue()), scale, epsilon));
            return Collections.singletonList(terms).iterator();
        }).collect();
        LossTerms all = new LossTerms();
        byPartition.forEach(all::merge);
        return all;
    }

    /** Sums over rows of the loss's first and second derivative in the scale. */
    private static final class LossTerms implements Serializable {
        private static final long serialVersionUID = 1L;

        private long rows;
        private double gradientSum;
        private double curvatureSum;
        private double absoluteMarginSum;

        /**
         * One row: the derivative of {@code logsumexp(s m) - s <t, m>} is the softmax mean of the margins minus the
         * target mean; the second derivative is the softmax variance of the margins.
         */
        void add(double[] margins, int label, double scale, double epsilon) {
            int labels = margins.length;
            if (labels < 2 || label < 0 || label >= labels) {
                throw new IllegalArgumentException("label index " + label + " does not fit " + labels + " margins");
            }
            double max = Double.NEGATIVE_INFINITY;
            for (double margin : margins) {
                max = Math.max(max, scale * margin);
            }
            double norm = 0;
            double first = 0;
            double second = 0;
            double total = 0;
            double absolute = 0;
            for (double margin : margins) {
                double weight = StrictMath.exp(scale * margin - max);
                norm += weight;
                first += weight * margin;
                second += weight * margin * margin;
                total += margin;
                absolute += Math.abs(margin);
            }
            double softmaxMean = first / norm;
            double targetMean = (1 - epsilon) * margins[label] + epsilon / (labels - 1) * (total - margins[label]);
            gradientSum += softmaxMean - targetMean;
            curvatureSum += Math.max(0, second / norm - softmaxMean * softmaxMean);
            absoluteMarginSum += absolute / labels;
            rows++;
        }

        void merge(LossTerms other) {
            rows += other.rows;
            gradientSum += other.gradientSum;
            curvatureSum += other.curvatureSum;
            absoluteMarginSum += other.absoluteMarginSum;
        }

        double gradient() {
            return gradientSum / rows;
        }

        /** Never quite 0, so that a Newton step stays finite (the bracket then takes over). */
        double curvature() {
            return Math.max(curvatureSum / rows, 1e-300);
        }

        double meanAbsoluteMargin() {
            return absoluteMarginSum / rows;
        }
    }
}
