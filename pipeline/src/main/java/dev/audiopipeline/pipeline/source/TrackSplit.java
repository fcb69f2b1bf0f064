package dev.audiopipeline.pipeline.source;

import dev.audiopipeline.features.ParameterRule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic train/test assignment by track, for inputs whose layout gives no split: a track goes to TEST when
 * the first 8 bytes of SHA-256 of its relative path, as a fraction of 2^64, fall below the test fraction. The same
 * track lands in the same split on every run and every machine whatever else is in the library, and all segments
 * of a track share its split (no leakage between train and test).
 */
public final class TrackSplit {

    /** The seed projects' 80/20 split. */
    public static final double DEFAULT_TEST_FRACTION = 0.2;
    public static final ParameterRule<Double> TEST_FRACTION = ParameterRule.between("test_fraction", 0, true, 1, true);

    private final double testFraction;

    /**
     * @throws dev.audiopipeline.features.InvalidParameterException if the fraction is not in [0, 1]
     */
    public TrackSplit(double testFraction) {
        this.testFraction = TEST_FRACTION.require(testFraction);
    }

    public Split assign(String relativePath) {
        byte[] digest = sha256(relativePath);
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (digest[i] & 0xFF);
        }
        double position = (bits >>> 11) / (double) (1L << 53); // uniform in [0, 1)
        return position < testFraction ? Split.TEST : Split.TRAIN;
    }

    /** The stable track id of a relative path: 16 hex digits of its SHA-256. */
    public static String trackId(String relativePath) {
        return HexFormat.of().formatHex(sha256(relativePath), 0, 8);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
