package dev.audiopipeline.features;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The stable text and hash of a settings map, shared by every settings object whose values travel with the data
 * ({@link FeatureSettings}, the augmentation settings): one {@code name=value} line per entry in the map's order,
 * doubles in Java's shortest repr, null as Python's {@code None}; the hash is the SHA-256 of that text.
 */
public final class CanonicalSettings {

    private CanonicalSettings() {}

    public static String text(Map<String, Object> settings) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Object> e : settings.entrySet()) {
            Object v = e.getValue();
            String value = v == null ? "None" : v instanceof Double ? Double.toString((Double) v) : v.toString();
            text.append(e.getKey()).append('=').append(value).append('\n');
        }
        return text.toString();
    }

    /** SHA-256 (lowercase hex) of {@link #text}: stable across JVMs and runs. */
    public static String hash(Map<String, Object> settings) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text(settings).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
