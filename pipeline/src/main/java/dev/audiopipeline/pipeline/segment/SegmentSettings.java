package dev.audiopipeline.pipeline.segment;

import dev.audiopipeline.features.ParameterRule;
import dev.audiopipeline.features.SettingsMaps;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How a track is cut into segments.
 *
 * @param segmentSeconds length of a segment (3 s: GTZAN-style models take ten per 30-s clip)
 * @param hopSeconds distance between segment starts; equal to the length for no overlap, smaller to overlap
 * @param tail what happens to the audio after the last whole segment
 * @param minTailFraction with {@link TailPolicy#PAD}: the least share of a segment the tail must fill to be kept
 * @param maxSeconds how much of a file is used at most (from its start); 0 for all of it
 */
public record SegmentSettings(double segmentSeconds, double hopSeconds, TailPolicy tail, double minTailFraction,
                              double maxSeconds) implements Serializable {

    /** What becomes of the audio after the last whole segment (and of a file shorter than one segment). */
    public enum TailPolicy {
        /** Dropped; a file shorter than one segment gives no segment (rejected as too_short). */
        DROP,
        /** Zero-padded to a whole segment when it fills at least {@code minTailFraction} of one. */
        PAD
    }

    // ---- What each parameter accepts: checked here, described and checked by the settings registry and ML params.

    public static final ParameterRule<Double> SEGMENT_SECONDS =
            ParameterRule.between("segment_seconds", 0, false, 3600, true);
    public static final ParameterRule<Double> HOP_SECONDS =
            ParameterRule.between("segment_hop_seconds", 0, false, 3600, true);
    public static final ParameterRule<Double> MIN_TAIL_FRACTION =
            ParameterRule.between("min_tail_fraction", 0, false, 1, true);
    /** 0 means no cap. */
    public static final ParameterRule<Double> MAX_SECONDS = ParameterRule.nonNegative("max_seconds");

    public static SegmentSettings defaults() {
        return new SegmentSettings(3.0, 3.0, TailPolicy.DROP, 0.5, 600.0);
    }

    /**
     * @throws dev.audiopipeline.features.InvalidParameterException naming the parameter at fault
     */
    public SegmentSettings {
        SEGMENT_SECONDS.require(segmentSeconds);
        HOP_SECONDS.require(hopSeconds);
        java.util.Objects.requireNonNull(tail, "tail policy");
        MIN_TAIL_FRACTION.require(minTailFraction);
        MAX_SECONDS.require(maxSeconds);
    }

    /** How these settings are stored beside features and models, under stable names. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("segment_seconds", segmentSeconds);
        map.put("hop_seconds", hopSeconds);
        map.put("tail", tail.name().toLowerCase(Locale.ROOT));
        map.put("min_tail_fraction", minTailFraction);
        map.put("max_seconds", maxSeconds);
        return map;
    }

    /**
     * The settings {@link #asMap()} described.
     *
     * @throws IllegalArgumentException naming an entry that is missing, unknown or invalid
     */
    public static SegmentSettings fromMap(Map<String, ?> map) {
        String tail = SettingsMaps.text(map, "tail");
        TailPolicy policy;
        try {
            policy = TailPolicy.valueOf(tail.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("settings entry tail must be drop or pad, got " + tail);
        }
        SegmentSettings settings = new SegmentSettings(SettingsMaps.number(map, "segment_seconds"),
                SettingsMaps.number(map, "hop_seconds"), policy, SettingsMaps.number(map, "min_tail_fraction"),
                SettingsMaps.number(map, "max_seconds"));
        SettingsMaps.requireSame(map, settings.asMap(), "segment settings");
        return settings;
    }

    /** Segment length in samples at {@code sampleRate} (rounded to the nearest sample). */
    public int segmentSamples(int sampleRate) {
        return Math.max(1, (int) Math.round(segmentSeconds * sampleRate));
    }

    public int hopSamples(int sampleRate) {
        return Math.max(1, (int) Math.round(hopSeconds * sampleRate));
    }

    /** The most samples used from one file at {@code sampleRate}, or {@code Long.MAX_VALUE} without a cap. */
    public long maxSamples(int sampleRate) {
        return maxSeconds == 0 ? Long.MAX_VALUE : Math.round(maxSeconds * sampleRate);
    }
}
