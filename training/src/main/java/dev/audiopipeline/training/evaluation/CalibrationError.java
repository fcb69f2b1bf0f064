package dev.audiopipeline.training.evaluation;

import java.util.Collection;

/**
 * Expected calibration error of the predicted label's score (the confidence): the examples are put in
 * {@code bins} equal-width bins by confidence, bin {@code b} holding confidences in {@code (b/bins, (b+1)/bins]}
 * (the first bin also holds 0; each edge is computed as the division {@code (b+1) / (double) bins}), and
 * {@code ECE = sum_b (n_b / n) |accuracy_b - mean confidence_b|} (Guo et al. 2017; Naeini et al. 2015).
 * 0 for a perfectly calibrated model.
 */
public final class CalibrationError {
    /** The bins the product reports ECE with. */
    public static final int DEFAULT_BINS = 10;

    private CalibrationError() {
    }

    public static double expected(Collection<ScoredExample> examples, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("calibration needs at least one bin, not " + bins);
        }
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("calibration error of no examples");
        }
        long[] counts = new long[bins];
        long[] correct = new long[bins];
        double[] confidenceSums = new double[bins];
        for (ScoredExample example : examples) {
            int bin = binOf(example.confidence(), bins);
            counts[bin]++;
            confidenceSums[bin] += example.confidence();
            if (example.correct()) {
                correct[bin]++;
            }
        }
        double error = 0.0;
        for (int bin = 0; bin < bins; bin++) {
            if (counts[bin] > 0) {
                double gap = Math.abs((double) correct[bin] / counts[bin] - confidenceSums[bin] / counts[bin]);
                error += (double) counts[bin] / examples.size() * gap;
            }
        }
        return error;
    }

    static int binOf(double confidence, int bins) {
        for (int bin = 0; bin < bins - 1; bin++) {
            if (confidence <= (bin + 1) / (double) bins) {
                return bin;
            }
        }
        return bins - 1;
    }
}
