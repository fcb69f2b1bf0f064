package dev.audiopipeline.features.resample;

/**
 * The polyphase stage's coefficients laid out for eight consecutive outputs at once, one output per vector lane,
 * so that no output's taps need summing across lanes: for a group whose first output has phase {@code p0}, output
 * {@code k} has phase {@code p_k = (p0 + k down) mod up} and starts {@code d_k = (p0 + k down) / up} inputs after
 * output 0. Over the group's common window of {@link #width} inputs, {@code table[(p0 width + w) 8 + k]} is
 * output {@code k}'s tap {@code w - d_k} (0 outside its taps). A group costs {@code width} vector multiply-adds of
 * a coefficient vector with one broadcast input, against {@code 8 taps} products and eight lane sums the other
 * way round.
 *
 * <p>Each lane sums its products in two accumulators, even and odd {@code w}, then adds the two: since the
 * zero coefficients add nothing, an output computed on its own ({@link #single}) gets the same bits whatever
 * group it falls in (the two accumulators may swap roles, and their sum is commutative), so the output does not
 * depend on the input's chunking.
 */
final class PolyphaseGroups {

    /** Outputs per group: one per lane of a 256-bit float vector. */
    static final int LANES = 8;

    final int up;
    final int taps;
    /** The group's window in inputs (even): taps plus the last output's largest offset, rounded up. */
    final int width;
    /** {@code up * width * 8} coefficients, by first phase, window position, lane. */
    final float[] table;
    /** The phase of the next group's first output, and how many inputs later it starts, by first phase. */
    final int[] nextPhase;
    final int[] advance;
    /** The exact table, one row of {@code taps} per phase (for {@link #single}). */
    private final float[] rows;

    /**
     * @param rows {@code up} rows of {@code taps} coefficients (an even number), row {@code p} for phase {@code p}
     */
    PolyphaseGroups(int up, int down, int taps, float[] rows) {
        this.up = up;
        this.taps = taps;
        this.rows = rows;
        int reach = (int) ((up - 1 + (long) (LANES - 1) * down) / up);
        this.width = (taps + reach + 1) & ~1;
        this.table = new float[up * width * LANES];
        this.nextPhase = new int[up];
        this.advance = new int[up];
        for (int p0 = 0; p0 < up; p0++) {
            for (int k = 0; k < LANES; k++) {
                long at = p0 + (long) k * down;
                int phase = (int) (at % up);
                int offset = (int) (at / up);
                for (int t = 0; t < taps; t++) {
                    table[(p0 * width + offset + t) * LANES + k] = rows[phase * taps + t];
                }
            }
            long next = p0 + (long) LANES * down;
            nextPhase[p0] = (int) (next % up);
            advance[p0] = (int) (next / up);
        }
    }

    /** Inputs after a group's first output's start that its window reads beyond the last output's first input. */
    int reach() {
        return width - taps;
    }

    /** One output on its own: phase {@code p}, inputs {@code x[start .. start + taps)}; the bits a group gives. */
    float single(float[] x, int start, int p) {
        int row = p * taps;
        float even = 0f;
        float odd = 0f;
        for (int t = 0; t < taps; t += 2) {
            even = Math.fma(rows[row + t], x[start + t], even);
            odd = Math.fma(rows[row + t + 1], x[start + t + 1], odd);
        }
        return even + odd;
    }
}
