package dev.audiopipeline.training.networks;

/**
 * How one feature of a minibatch is laid out in the array a network reads. A segment's matrix is stored
 * {@code [frame][coefficient]}; every layout here puts coefficients before frames, DL4J's default (the
 * transpose of Keras's {@code [minibatch, frames, coefficients]}).
 */
public enum TensorLayout {
    /** {@code [minibatch, coefficients, frames]}: a sequence, DL4J's NCW ({@code RNNFormat.NCW}). */
    SEQUENCE,
    /** {@code [minibatch, 1, coefficients, frames]}: a one-channel image, NCHW, height = coefficients. */
    IMAGE,
    /** {@code [minibatch, values]}: a flat vector. */
    VECTOR;

    /**
     * The array shape of a minibatch.
     *
     * @param minibatch examples in the minibatch
     * @param coefficients coefficients per frame (for {@link #VECTOR}: the vector's length)
     * @param frames frames per segment (ignored for {@link #VECTOR})
     */
    public long[] shape(int minibatch, int coefficients, int frames) {
        switch (this) {
            case SEQUENCE:
                return new long[] {minibatch, coefficients, frames};
            case IMAGE:
                return new long[] {minibatch, 1, coefficients, frames};
            case VECTOR:
                return new long[] {minibatch, coefficients};
            default:
                throw new AssertionError(this);
        }
    }
}
