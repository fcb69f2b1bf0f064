package dev.audiopipeline.features.dsp;

/**
 * {@code librosa.power_to_db(S, ref, amin, top_db)} for a scalar {@code ref}:
 * {@code 10 log10(max(amin, S)) - 10 log10(max(amin, ref))}, then floored at {@code max - top_db} where the
 * maximum is over the WHOLE array passed in, so a segment's values depend on the segment's loudest point.
 */
public final class PowerToDb {

    private final double refDb;
    private final double amin;
    private final Double topDb;

    /** @param topDb floor below the array's maximum in dB, or null for no floor */
    public PowerToDb(double ref, double amin, Double topDb) {
        if (!(amin > 0)) {
            throw new IllegalArgumentException("amin must be > 0, got " + amin);
        }
        if (topDb != null && !(topDb >= 0)) {
            throw new IllegalArgumentException("top_db must be >= 0, got " + topDb);
        }
        this.refDb = 10.0 * Math.log10(Math.max(amin, Math.abs(ref)));
        this.amin = amin;
        this.topDb = topDb;
    }

    /** Converts {@code values[frame][coef]} to dB in place (power values become dB values). */
    public void applyInPlace(float[][] values) {
        double[] clamped = new double[0];
        float max = Float.NEGATIVE_INFINITY;
        for (float[] row : values) {
            if (clamped.length < row.length) {
                clamped = new double[row.length];
            }
            // Widening and clamping in a loop of its own (vectorised) is ~4x faster than inside the log loop:
            // there the scalar float-to-double conversion's false register dependency chains the iterations.
            for (int i = 0; i < row.length; i++) {
                clamped[i] = Math.max(amin, row[i]);
            }
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) (10.0 * FastLog10.log10(clamped[i]) - refDb);
            }
            for (int i = 0; i < row.length; i++) {
                max = Math.max(max, row[i]);
            }
        }
        floor(values, max);
    }

    /** Returns the dB values of {@code values[frame][coef]} as a new array. */
    public double[][] apply(double[][] values) {
        double[][] out = new double[values.length][];
        double max = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < values.length; t++) {
            double[] row = values[t];
            double[] dbRow = new double[row.length];
            for (int i = 0; i < row.length; i++) {
                dbRow[i] = 10.0 * FastLog10.log10(Math.max(amin, row[i])) - refDb;
                max = Math.max(max, dbRow[i]);
            }
            out[t] = dbRow;
        }
        if (topDb != null) {
            double floor = max - topDb;
            for (double[] row : out) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = Math.max(row[i], floor);
                }
            }
        }
        return out;
    }

    private void floor(float[][] values, double max) {
        if (topDb == null) {
            return;
        }
        float floor = (float) (max - topDb);
        for (float[] row : values) {
            for (int i = 0; i < row.length; i++) {
                row[i] = Math.max(row[i], floor);
            }
        }
    }
}
