package dev.audiopipeline.pipeline.track;

import dev.audiopipeline.features.Feature;
import dev.audiopipeline.features.FeatureSettings;
import dev.audiopipeline.features.ParameterRule;
import dev.audiopipeline.features.SettingsMaps;
import dev.audiopipeline.features.SummaryStatistics;
import dev.audiopipeline.features.augment.AugmentationSettings;
import dev.audiopipeline.pipeline.segment.SegmentSettings;
import java.io.Serializable;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the extraction job computes per segment: the feature kernel's settings and how tracks are cut. The features
 * are the contract's: MFCC, log-mel and spectral contrast matrices ({@code [frame][coefficient]}) and the summary
 * statistics of the three.
 *
 * @param fileTimeoutSeconds the most one file may take (decoding, cutting, features) before it is set aside as
 *     {@code timeout}
 * @param augmentation augmented variants added per segment of training-split tracks (none by default)
 */
public record ExtractionSettings(FeatureSettings features, SegmentSettings segments, double fileTimeoutSeconds,
                                 AugmentationSettings augmentation) implements Serializable {

    /** An hour-long file at the 600-s default cap takes seconds; ten minutes means something is stuck. */
    public static final double DEFAULT_FILE_TIMEOUT_SECONDS = 600;

    /** The per-file time limit. */
    public static final ParameterRule<Double> FILE_TIMEOUT_SECONDS = ParameterRule.positive("file_timeout_seconds");

    /**
     * @throws dev.audiopipeline.features.InvalidParameterException naming the parameter at fault
     */
    public ExtractionSettings {
        FILE_TIMEOUT_SECONDS.require(fileTimeoutSeconds);
        java.util.Objects.requireNonNull(augmentation, "augmentation");
    }

    /** Settings without augmentation. */
    public ExtractionSettings(FeatureSettings features, SegmentSettings segments, double fileTimeoutSeconds) {
        this(features, segments, fileTimeoutSeconds, AugmentationSettings.defaults());
    }

    /** The matrices every segment row carries, in the order of the statistics vector. */
    public static final List<Feature> MATRICES = List.of(Feature.MFCC, Feature.LOGMEL, Feature.CONTRAST);

    /**
     * The document stored beside extracted features ({@code _feature_settings.json}) and with every model: the
     * feature settings' hash, every feature, segment and augmentation setting, the matrices and the names of the
     * statistics. The per-file time limit is not in it: it does not change what is computed.
     */
    public Map<String, Object> asMap() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("config_hash", features.hash());
        document.put("features", features.asMap());
        document.put("segments", segments.asMap());
        document.put("augmentation", augmentation.asMap());
        document.put("matrices", MATRICES.stream().map(Feature::cliName).toList());
        document.put("stats_names", SummaryStatistics.names(features, MATRICES));
        return document;
    }

    /**
     * The settings a document of {@link #asMap()} describes, with the default time limit.
     *
     * @throws IllegalArgumentException naming what is missing, unknown to this version, or differs from what this
     *     version computes with those settings (the hash, the matrices, the statistics' names)
     */
    public static ExtractionSettings fromMap(Map<String, ?> document) {
        ExtractionSettings settings = new ExtractionSettings(FeatureSettings.fromMap(section(document, "features")),
                SegmentSettings.fromMap(section(document, "segments")), DEFAULT_FILE_TIMEOUT_SECONDS,
                AugmentationSettings.fromMap(section(document, "augmentation")));
        SettingsMaps.requireSame(document, settings.asMap(), "extraction settings");
        return settings;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> section(Map<String, ?> document, String name) {
        Object section = document.get(name);
        if (!(section instanceof Map)) {
            throw new IllegalArgumentException("settings section " + name + " is missing");
        }
        return (Map<String, ?>) section;
    }

    /** {@link #MATRICES} as the set {@code FeatureExtractor.extract} takes (built once, not per segment). */
    public static final Set<Feature> MATRIX_SET = Collections.unmodifiableSet(EnumSet.copyOf(MATRICES));
}
