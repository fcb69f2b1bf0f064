package dev.audiopipeline.features.dsp;

import java.util.Arrays;

/**
 * The {@code q} smallest (or largest) powers of one contrast band, frame after frame, selected exactly (the same
 * values as a full sort); one per band and side, owned by one thread.
 *
 * <p>Values are compared as keys: the raw bits of the power, which order non-negative doubles as their values,
 * XOR {@code flip} (0 for the smallest; -1 for the largest, which reverses the order), so one code path serves
 * both sides and the comparisons are on longs (conditional moves, where double comparisons would branch).
 *
 * <p>The scan inserts every key that beats the current q-th into a short sorted buffer. The insertion itself is
 * branch-free (slot {@code j} takes {@code max(keys[j-1], min(keys[j], key))}), so only the "beats the q-th"
 * test can mispredict. To make that rare, the buffer starts filled with a bound from the previous frame (4x its
 * q-th smallest power, 1/4 of its q-th largest): consecutive frames overlap by 75 %, so the bound rarely excludes
 * a true extreme; when it does, a bound key is left in the buffer (a real key equal to the bound is never
 * inserted, so this test is exact) and the band is scanned again without bound. For {@code q == 1} the scan is
 * a plain branch-free minimum.
 */
final class BandExtremes {

    private static final long NO_BOUND = Long.MAX_VALUE;

    private final int from;
    private final int to;
    private final long flip;
    /** The selection, ascending by key. */
    private final long[] keys;
    private long bound = NO_BOUND;

    /** Selects from {@code power[from..to)}; {@code largest} picks the side. */
    BandExtremes(int from, int to, int q, boolean largest) {
        if (q < 1 || q > to - from) {
            throw new IllegalArgumentException("need 1 <= q <= band length, got q=" + q + " for " + (to - from));
        }
        this.from = from;
        this.to = to;
        this.flip = largest ? -1L : 0L;
        this.keys = new long[q];
    }

    /** Selects this frame's extremes and returns the mean of their square roots (magnitudes). */
    double meanMagnitude(double[] power) {
        if (keys.length == 1) {
            return Math.sqrt(power(extremeKey(power)));
        }
        if (!select(power, bound) && bound != NO_BOUND) {
            select(power, NO_BOUND);
        }
        // Next frame's bound: 4x this q-th smallest power (1/4 of the q-th largest); the +1 admits it as well.
        double qth = power(keys[keys.length - 1]);
        bound = key(flip == 0 ? 4.0 * qth : 0.25 * qth) + 1;
        double sum = 0.0;
        for (long key : keys) {
            sum += Math.sqrt(power(key));
        }
        return sum / keys.length;
    }

    /** Fills {@code keys}; false when fewer than q keys were below {@code limit}. */
    private boolean select(double[] power, long limit) {
        int last = keys.length - 1;
        Arrays.fill(keys, limit);
        long qth = limit;
        for (int i = from; i < to; i++) {
            long key = key(power[i]);
            if (key < qth) {
                int j = last;
                while (j > 0 && keys[j - 1] > key) {
                    keys[j] = keys[j - 1];
                    j--;
                }
                keys[j] = key;
                qth = keys[last];
            }
        }
        return qth != limit;
    }

    private long extremeKey(double[] power) {
        long min = NO_BOUND;
        for (int i = from; i < to; i++) {
            min = Math.min(min, key(power[i]));
        }
        return min;
    }

    private long key(double power) {
        return Double.doubleToRawLongBits(power) ^ flip;
    }

    private double power(long key) {
        return Double.longBitsToDouble(key ^ flip);
    }
}
