package dev.audiopipeline.features.augment;

/**
 * The random stream of one variant: SplitMix64 (Steele, Lea and Flood, 2014), written out here rather than taken
 * from {@code java.util.SplittableRandom} so that its sequence, and the Gaussian transform on top of it, are
 * fixed by this code and not by a JDK version. Gaussians use Marsaglia's polar method with {@link StrictMath}, so
 * every JVM draws the same numbers.
 */
final class VariantRandom {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;
    private double spareGaussian;
    private boolean hasSpare;

    VariantRandom(long seed) {
        this.state = seed;
    }

    /**
     * The seed of one variant: a hash of the settings' seed, the track, the segment and the variant number. The
     * track id is hashed char by char (UTF-16), so equal strings give equal seeds on every JVM.
     */
    static long seedOf(long seed, String trackId, int segmentIndex, int variant) {
        long h = mix(seed ^ GOLDEN_GAMMA);
        for (int i = 0; i < trackId.length(); i++) {
            h = mix(h ^ trackId.charAt(i));
        }
        h = mix(h ^ trackId.length());
        h = mix(h ^ (segmentIndex & 0xffffffffL));
        return mix(h ^ ((long) variant << 32));
    }

    /** SplitMix64's finaliser (Stafford's variant 13). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1), 53 random bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [-1, 1). */
    double nextSigned() {
        return 2.0 * nextDouble() - 1.0;
    }

    /** Uniform integer in [0, bound), bound > 0; the tiny modulo bias of a 64-bit draw is irrelevant here. */
    int nextInt(int bound) {
        return (int) Long.remainderUnsigned(nextLong(), bound);
    }

    /** Standard normal. */
    double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = nextSigned();
            v = nextSigned();
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        double scale = StrictMath.sqrt(-2.0 * StrictMath.log(s) / s);
        spareGaussian = v * scale;
        hasSpare = true;
        return u * scale;
    }
}
