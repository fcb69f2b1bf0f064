package dev.audiopipeline.pipeline.track;

import dev.audiopipeline.pipeline.rejection.RejectionReason;
import java.util.List;
import java.util.Objects;

/**
 * What one input gave: all its segments' features, or why it could not be used (never both, never neither).
 *
 * @param segments the segments in order; empty for a failure
 * @param failure null for success, else the reason
 * @param detail null for success, else what went wrong, naming the input
 */
public record TrackFeatures(List<SegmentFeatures> segments, RejectionReason failure, String detail) {

    public TrackFeatures {
        Objects.requireNonNull(segments, "segments");
        boolean success = failure == null && detail == null && !segments.isEmpty();
        boolean failed = failure != null && detail != null && segments.isEmpty();
        if (!success && !failed) {
            throw new IllegalArgumentException("either segments or a failure with its detail");
        }
    }

    public static TrackFeatures of(List<SegmentFeatures> segments) {
        return new TrackFeatures(List.copyOf(segments), null, null);
    }

    public static TrackFeatures failed(RejectionReason failure, String detail) {
        return new TrackFeatures(List.of(), Objects.requireNonNull(failure, "failure"),
                Objects.requireNonNull(detail, "detail"));
    }

    public boolean isFailure() {
        return failure != null;
    }
}
