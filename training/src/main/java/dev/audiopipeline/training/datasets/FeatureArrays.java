package dev.audiopipeline.training.datasets;

import dev.audiopipeline.training.networks.FeatureInput;

/** Which array of a {@link SegmentRow} each network input reads, refusing rows that lack it. */
final class FeatureArrays {

    private FeatureArrays() {}

    static float[][] matrix(SegmentRow row, FeatureInput input) {
        float[][] matrix = switch (input) {
            case MFCC -> row.getMfcc();
            case LOGMEL -> row.getLogmel();
            case CONTRAST -> row.getContrast();
            case STATS -> throw new IllegalArgumentException("stats is a vector, not a matrix");
        };
        if (matrix == null || matrix.length == 0) {
            throw new IllegalArgumentException("segment " + row.getSegment() + " of " + row.getPath() + " has no "
                    + input.inputName() + " matrix (extracted without it?)");
        }
        return matrix;
    }

    static double[] stats(SegmentRow row) {
        if (row.getStats() == null) {
            throw new IllegalArgumentException("segment " + row.getSegment() + " of " + row.getPath()
                    + " has no stats");
        }
        return row.getStats();
    }

    /** Coefficients per frame (or the statistics' count). */
    static int width(SegmentRow row, FeatureInput input) {
        return input == FeatureInput.STATS ? stats(row).length : matrix(row, input)[0].length;
    }

    /** Frames of a matrix input. */
    static int frames(SegmentRow row, FeatureInput input) {
        return matrix(row, input).length;
    }
}
