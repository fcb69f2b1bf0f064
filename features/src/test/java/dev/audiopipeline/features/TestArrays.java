package dev.audiopipeline.features;

/** Small array helpers shared by the feature tests. */
public final class TestArrays {

    private TestArrays() {}

    /** A one-column matrix {@code [frame][0]}. */
    public static float[][] column(double... values) {
        float[][] out = new float[values.length][1];
        for (int i = 0; i < values.length; i++) {
            out[i][0] = (float) values[i];
        }
        return out;
    }

    /** Index of the largest value (the first, on ties). */
    public static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
