package dev.audiopipeline.pipeline.segment;

import dev.audiopipeline.features.ParameterRule;
import java.io.Serializable;

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
