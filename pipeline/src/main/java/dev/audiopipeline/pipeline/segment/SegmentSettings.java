package dev.audiopipeline.pipeline.segment;

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

    public static SegmentSettings defaults() {
        return new SegmentSettings(3.0, 3.0, TailPolicy.DROP, 0.5, 600.0);
    }

    public SegmentSettings {
        if (!(segmentSeconds > 0 && segmentSeconds <= 3600)) {
            throw new IllegalArgumentException("segment length must be in (0, 3600] s, got " + segmentSeconds);
        }
        if (!(hopSeconds > 0 && hopSeconds <= 3600)) {
            throw new IllegalArgumentException("segment hop must be in (0, 3600] s, got " + hopSeconds);
        }
        if (tail == null) {
            throw new IllegalArgumentException("tail policy must be given");
        }
        if (!(minTailFraction > 0 && minTailFraction <= 1)) {
            throw new IllegalArgumentException("minimum tail fraction must be in (0, 1], got " + minTailFraction);
        }
        if (!(maxSeconds >= 0 && Double.isFinite(maxSeconds))) {
            throw new IllegalArgumentException("maximum seconds must be >= 0 (0: no cap), got " + maxSeconds);
        }
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
