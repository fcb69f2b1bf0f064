package dev.audiopipeline.training.evaluation;

import java.util.Arrays;

/** Points of a curve to plot, in drawing order: {@code (x[i], y[i])}. */
public record CurvePoints(double[] x, double[] y) {

    public CurvePoints {
        if (x.length != y.length) {
            throw new IllegalArgumentException("a curve needs as many x as y values: " + x.length + ", " + y.length);
        }
    }

    public int size() {
        return x.length;
    }

    /**
     * The same curve without the points that lie on the straight line between their neighbours (sklearn's
     * {@code drop_intermediate}): a staircase keeps its corners only. The drawn curve does not change.
     */
    public CurvePoints withoutCollinear() {
        if (x.length < 3) {
            return this;
        }
        double[] keptX = new double[x.length];
        double[] keptY = new double[y.length];
        int kept = 0;
        for (int i = 0; i < x.length; i++) {
            boolean interior = i > 0 && i < x.length - 1;
            if (interior && collinear(keptX[kept - 1], keptY[kept - 1], x[i], y[i], x[i + 1], y[i + 1])) {
                continue;
            }
            keptX[kept] = x[i];
            keptY[kept] = y[i];
            kept++;
        }
        return new CurvePoints(Arrays.copyOf(keptX, kept), Arrays.copyOf(keptY, kept));
    }

    /** At most {@code maxPoints} points, evenly spaced along the curve's index, first and last kept. */
    public CurvePoints thinnedTo(int maxPoints) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("a thinned curve keeps at least 2 points, not " + maxPoints);
        }
        if (x.length <= maxPoints) {
            return this;
        }
        double[] keptX = new double[maxPoints];
        double[] keptY = new double[maxPoints];
        for (int i = 0; i < maxPoints; i++) {
            int source = (int) Math.round((double) i * (x.length - 1) / (maxPoints - 1));
            keptX[i] = x[source];
            keptY[i] = y[source];
        }
        return new CurvePoints(keptX, keptY);
    }

    private static boolean collinear(double x0, double y0, double x1, double y1, double x2, double y2) {
        return (x1 - x0) * (y2 - y1) == (y1 - y0) * (x2 - x1);
    }
}
