package dev.audiopipeline.jobs.config;

import dev.audiopipeline.features.InvalidParameterException;
import dev.audiopipeline.pipeline.segment.SegmentSettings;
import java.util.Locale;

/** Builds {@link SegmentSettings} from a job's {@code extract.*} settings. */
public final class SegmentSettingsConfig {

    private SegmentSettingsConfig() {}

    public static SegmentSettings from(JobConfig config) {
        double length = config.get(Settings.SEGMENT_SECONDS);
        Double hop = config.get(Settings.SEGMENT_HOP_SECONDS);
        try {
            return new SegmentSettings(length, hop == null ? length : hop,
                    SegmentSettings.TailPolicy.valueOf(config.get(Settings.SEGMENT_TAIL).toUpperCase(Locale.ROOT)),
                    config.get(Settings.MIN_TAIL_FRACTION), config.get(Settings.MAX_SECONDS));
        } catch (InvalidParameterException e) {
            throw ConfigException.invalid("segment settings", e);
        }
    }
}
