package dev.audiopipeline.features.resample;

/**
 * A validated pair of sample rates and their reduced ratio {@code outputRate / inputRate = up / down}.
 *
 * <p>Limits: each rate in {@code [1, 1_000_000]} Hz and the ratio within {@code 1:256 .. 256:1}; anything outside
 * is rejected with an {@link IllegalArgumentException} naming the value (a rate of 0, a negative one or 10 MHz is
 * almost always a corrupt header, and a 1:1000 ratio would need a filter of millions of taps).
 *
 * @param inputRate  sample rate of the input, Hz
 * @param outputRate sample rate of the output, Hz
 */
public record RateRatio(int inputRate, int outputRate) {

    /** Highest accepted sample rate, Hz. */
    public static final int MAX_RATE = 1_000_000;
    /** Largest accepted up- or down-sampling factor. */
    public static final int MAX_FACTOR = 256;

    public RateRatio {
        checkRate("inputRate", inputRate);
        checkRate("outputRate", outputRate);
        if ((long) inputRate > (long) outputRate * MAX_FACTOR || (long) outputRate > (long) inputRate * MAX_FACTOR) {
            throw new IllegalArgumentException("rate ratio " + inputRate + " Hz -> " + outputRate
                    + " Hz is beyond 1:" + MAX_FACTOR);
        }
    }

    private static void checkRate(String name, int rate) {
        if (rate <= 0) {
            throw new IllegalArgumentException(name + " must be > 0 Hz, got " + rate);
        }
        if (rate > MAX_RATE) {
            throw new IllegalArgumentException(name + " must be <= " + MAX_RATE + " Hz, got " + rate);
        }
    }

    /** The reduced numerator: output samples per {@link #down()} input samples. */
    public int up() {
        return outputRate / gcd(inputRate, outputRate);
    }

    /** The reduced denominator: input samples per {@link #up()} output samples. */
    public int down() {
        return inputRate / gcd(inputRate, outputRate);
    }

    public boolean isIdentity() {
        return inputRate == outputRate;
    }

    /**
     * The output length for {@code inputLength} input samples, exactly as librosa 0.11 fixes it
     * ({@code int(np.ceil(n * (float(target_sr) / orig_sr)))}, in IEEE double arithmetic).
     *
     * <p>This equals {@link #exactOutputLength(long)} except where the exact quotient is an integer and the double
     * product rounds above it: e.g. 147 samples at 22050 -> 96000 Hz give 641 here (librosa) but exactly 640.
     */
    public long outputLength(long inputLength) {
        if (inputLength < 0) {
            throw new IllegalArgumentException("inputLength must be >= 0, got " + inputLength);
        }
        double ratio = (double) outputRate / inputRate;
        return (long) Math.ceil(inputLength * ratio);
    }

    /** {@code ceil(inputLength * outputRate / inputRate)} in exact integer arithmetic. */
    public long exactOutputLength(long inputLength) {
        if (inputLength < 0) {
            throw new IllegalArgumentException("inputLength must be >= 0, got " + inputLength);
        }
        long up = up();
        long down = down();
        // inputLength * up can overflow only beyond ~9e12 samples (years of audio at 1 MHz).
        return Math.floorDiv(Math.multiplyExact(inputLength, up) + down - 1, down);
    }

    static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
