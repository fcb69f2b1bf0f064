package dev.audiopipeline.features.resample;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The precomputed polyphase coefficient table for one reduced rate ratio {@code up/down} and one
 * {@link ResamplerQuality}. Immutable and thread-safe; {@link #forRatio} caches tables so every stream with the
 * same rate pair shares one.
 *
 * <p>Output sample {@code j} sits at input time {@code t = j * down / up = n + p / up} ({@code n} integer,
 * {@code 0 <= p < up}). It is {@code y[j] = sum_i c_p[i] * x[n - halfTaps + 1 + i]} for {@code i < taps}, where
 * {@code c_p[i] = h(p/up + halfTaps - 1 - i)} and {@code h} is the {@link LowpassKernel}. So the cost is
 * {@code taps} multiply-adds per output sample whatever the ratio.
 *
 * <p>Two layouts:
 * <ul>
 *   <li><b>exact</b>: one row per phase {@code p} (when {@code up <= 4096} and the table fits in
 *       {@value #MAX_TABLE_FLOATS} floats). Covers every common audio pair, e.g. 48000 -> 22050 (147 phases) and
 *       16000 -> 22050 (441 phases).</li>
 *   <li><b>interpolated</b>: for huge {@code up} (e.g. 22050 -> 22051), {@code P} rows for fractions {@code q/P}
 *       ({@code P} a power of two up to 2048) plus one, and the coefficients for {@code p/up} are linearly
 *       interpolated between the two neighbouring rows (two dot products, then a weighted sum). The error this adds
 *       is bounded by {@code (pi * fc / P)^2 / 2} relative to the signal (about -137 dB for P = 2048 and
 *       fc = 0.5); the tests measure the coefficient error directly.</li>
 * </ul>
 *
 * <p>Coefficients are float32; products are formed exactly in double ({@code float * float} fits a double) and
 * summed in double, so the arithmetic adds no measurable noise and the result does not depend on where the input
 * was split into chunks.
 */
final class PolyphaseFilterBank {

    /** Upper bound on the coefficient table, in floats (8 MiB). */
    static final int MAX_TABLE_FLOATS = 1 << 21;
    static final int MAX_EXACT_PHASES = 4096;
    static final int MAX_INTERPOLATED_PHASES = 2048;
    private static final int MAX_CACHED_TABLES = 64;

    private static final Map<Key, PolyphaseFilterBank> CACHE = new ConcurrentHashMap<>();

    private record Key(int up, int down, ResamplerQuality quality) {
    }

    private final int up;
    private final int down;
    private final int taps;
    private final int halfTaps;
    private final boolean interpolated;
    /** Rows in the table: {@code up} if exact, {@code P + 1} if interpolated. */
    private final int rows;
    /** {@code P} if interpolated, else {@code up}. */
    private final int phaseResolution;
    private final float[] coefficients;
    private final LowpassKernel kernel;

    private PolyphaseFilterBank(int up, int down, ResamplerQuality quality) {
        this.up = up;
        this.down = down;
        this.kernel = designKernel(up, down, quality);
        int half = (int) Math.ceil(kernel.halfWidth());
        // A stream compacts its history only up to the next output's first tap; keeping halfTaps above the input
        // step per output guarantees that tap is never beyond the data already buffered.
        half = Math.max(half, (down + up - 1) / up + 1);
        this.halfTaps = half;
        this.taps = 2 * half;
        if ((long) up * taps <= MAX_TABLE_FLOATS && up <= MAX_EXACT_PHASES) {
            this.interpolated = false;
            this.phaseResolution = up;
            this.rows = up;
        } else {
            int p = MAX_INTERPOLATED_PHASES;
            while (p > 16 && (long) (p + 1) * taps > MAX_TABLE_FLOATS) {
                p /= 2;
            }
            this.interpolated = true;
            this.phaseResolution = p;
            this.rows = p + 1;
        }
        this.coefficients = new float[rows * taps];
        for (int r = 0; r < rows; r++) {
            double frac = (double) r / phaseResolution;
            int base = r * taps;
            for (int i = 0; i < taps; i++) {
                coefficients[base + i] = (float) kernel.at(frac + halfTaps - 1 - i);
            }
        }
    }

    /** The shared table for a rate pair; built on first use and cached (up to 64 distinct tables). */
    public static PolyphaseFilterBank forRatio(RateRatio ratio, ResamplerQuality quality) {
        if (ratio.isIdentity()) {
            throw new IllegalArgumentException("no filter for identical rates " + ratio.inputRate() + " Hz");
        }
        Key key = new Key(ratio.up(), ratio.down(), quality);
        PolyphaseFilterBank cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        PolyphaseFilterBank built = new PolyphaseFilterBank(key.up(), key.down(), quality);
        if (CACHE.size() < MAX_CACHED_TABLES) {
            PolyphaseFilterBank raced = CACHE.putIfAbsent(key, built);
            return raced != null ? raced : built;
        }
        return built;
    }

    /** The kernel for a ratio: cutoff and transition band scaled to the lower Nyquist, in input-sample units. */
    static LowpassKernel designKernel(int up, int down, ResamplerQuality quality) {
        // Lower Nyquist in cycles per input sample: 0.5 when upsampling, 0.5 * up/down when downsampling.
        double lowerNyquist = 0.5 * Math.min(up, down) / down;
        double cutoff = quality.cutoffFraction() * lowerNyquist;
        double transition = quality.transitionFraction() * lowerNyquist;
        double span = KaiserWindow.lengthFor(quality.attenuationDb(), transition);
        return new LowpassKernel(cutoff, span / 2, KaiserWindow.forAttenuation(quality.attenuationDb()));
    }

    public int up() {
        return up;
    }

    public int down() {
        return down;
    }

    /** Multiply-adds per output sample for an exact table (twice that when interpolated). */
    public int taps() {
        return taps;
    }

    /** Output {@code j} at {@code n + p/up} reads inputs {@code n - halfTaps + 1 .. n + halfTaps}. */
    public int halfTaps() {
        return halfTaps;
    }

    public boolean isInterpolated() {
        return interpolated;
    }

    /** Rows stored: {@code up} for an exact table, {@code P + 1} for an interpolated one. */
    public int rows() {
        return rows;
    }

    public LowpassKernel kernel() {
        return kernel;
    }

    /**
     * One output sample: the dot product of {@code taps} inputs starting at {@code x[start]} (input index
     * {@code n - halfTaps + 1}) with the coefficients of phase {@code p / up}.
     *
     * @param phase {@code p}, in {@code [0, up)}
     */
    public float filter(float[] x, int start, int phase) {
        if (!interpolated) {
            return (float) dot(coefficients, phase * taps, x, start, taps);
        }
        long scaled = (long) phase * phaseResolution;
        int row = (int) (scaled / up);
        double weight = (double) (scaled - (long) row * up) / up;
        double lower = dot(coefficients, row * taps, x, start, taps);
        if (weight == 0) {
            return (float) lower;
        }
        double upper = dot(coefficients, (row + 1) * taps, x, start, taps);
        return (float) (lower + weight * (upper - lower));
    }

    /** The coefficients actually applied for phase {@code p} (interpolated if the table is); for tests and docs. */
    public double[] effectiveCoefficients(int phase) {
        double[] out = new double[taps];
        if (!interpolated) {
            for (int i = 0; i < taps; i++) {
                out[i] = coefficients[phase * taps + i];
            }
            return out;
        }
        long scaled = (long) phase * phaseResolution;
        int row = (int) (scaled / up);
        double weight = (double) (scaled - (long) row * up) / up;
        for (int i = 0; i < taps; i++) {
            double a = coefficients[row * taps + i];
            double b = weight == 0 ? a : coefficients[(row + 1) * taps + i];
            out[i] = a + weight * (b - a);
        }
        return out;
    }

    // Four independent accumulators break the add dependency chain; the order is fixed, so results are
    // reproducible bit for bit.
    private static double dot(float[] c, int cOff, float[] x, int xOff, int n) {
        double a0 = 0;
        double a1 = 0;
        double a2 = 0;
        double a3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            a0 += (double) c[cOff + i] * x[xOff + i];
            a1 += (double) c[cOff + i + 1] * x[xOff + i + 1];
            a2 += (double) c[cOff + i + 2] * x[xOff + i + 2];
            a3 += (double) c[cOff + i + 3] * x[xOff + i + 3];
        }
        for (; i < n; i++) {
            a0 += (double) c[cOff + i] * x[xOff + i];
        }
        return (a0 + a1) + (a2 + a3);
    }
}
