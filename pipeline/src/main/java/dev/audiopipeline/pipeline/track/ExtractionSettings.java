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
 * statistics of the three. All three are computed for the statistics; {@code storedMatrices} says which of them
 * the rows keep (the others are null: a CNN needs log-mel, an LSTM MFCC, the merged network MFCC and contrast,
 * the baselines only the statistics).
 *
 * @param fileTimeoutSeconds the most one file may take (decoding, cutting, features) before it is set aside as
 *     {@code timeout}
 * @param augmentation augmented variants added per segment of training-split tracks (none by default)
 * @param storedMatrices the matrices rows carry, a subset of {@link #MATRICES} (kept in that order)
 */
public record ExtractionSettings(FeatureSettings features, SegmentSettings segments, double fileTimeoutSeconds,
                                 AugmentationSettings augmentation, List<Feature> storedMatrices)
        implements Serializable {

    /** An hour-long file at the 600-s default cap takes seconds; ten minutes means something is stuck. */
    public static final double DEFAULT_FILE_TIMEOUT_SECONDS = 600;

    /** The per-file time limit. */
    public static final ParameterRule<Double> FILE_TIMEOUT_SECONDS = ParameterRule.positive("file_timeout_seconds");

    /** The matrices every segment computes, in the order of the statistics vector. */
    public static final List<Feature> MATRICES = List.of(Feature.MFCC, Feature.LOGMEL, Feature.CONTRAST);

    /** The stored matrices as text: their names, comma-separated, each at most once (empty: statistics only). */
    public static final ParameterRule<String> STORED_MATRICES = ParameterRule.of("stored_matrices",
            text -> parseOrNull(text) != null, "a comma-separated subset of mfcc, logmel, contrast");

    /**
     * @throws dev.audiopipeline.features.InvalidParameterException naming the parameter at fault
     */
    public ExtractionSettings {
        FILE_TIMEOUT_SECONDS.require(fileTimeoutSeconds);
        java.util.Objects.requireNonNull(augmentation, "augmentation");
        if (!MATRICES.containsAll(storedMatrices)) {
            throw STORED_MATRICES.fail(storedMatrices, "a subset of " + MATRICES);
        }
        storedMatrices = MATRICES.stream().filter(storedMatrices::contains).toList();
    }

    /** Settings storing every matrix. */
    public ExtractionSettings(FeatureSettings features, SegmentSettings segments, double fileTimeoutSeconds,
                              AugmentationSettings augmentation) {
        this(features, segments, fileTimeoutSeconds, augmentation, MATRICES);
    }

    /** Settings without augmentation, storing every matrix. */
    public ExtractionSettings(FeatureSettings features, SegmentSettings segments, double fileTimeoutSeconds) {
        this(features, segments, fileTimeoutSeconds, AugmentationSettings.defaults());
    }

    /** These settings, storing only {@code matrices} (a subset of {@link #MATRICES}). */
    public ExtractionSettings storing(List<Feature> matrices) {
        return new ExtractionSettings(features, segments, fileTimeoutSeconds, augmentation, matrices);
    }

    /** Whether rows keep {@code matrix}. */
    public boolean stores(Feature matrix) {
        return storedMatrices.contains(matrix);
    }

    /**
     * The matrices named by {@code text} ({@code "mfcc,contrast"}; null or blank: none, statistics only), in the
     * order of {@link #MATRICES}.
     *
     * @throws dev.audiopipeline.features.InvalidParameterException for another name or one named twice
     */
    public static List<Feature> parseMatrices(String text) {
        List<Feature> parsed = parseOrNull(text);
        if (parsed == null) {
            throw STORED_MATRICES.fail(text, STORED_MATRICES.expectation());
        }
        return parsed;
    }

    private static List<Feature> parseOrNull(String text) {
        List<Feature> named = new java.util.ArrayList<>();
        if (text != null && !text.isBlank()) {
            for (String name : text.split(",", -1)) {
                Feature matrix = MATRICES.stream().filter(m -> m.cliName().equals(name.trim())).findFirst()
                        .orElse(null);
                if (matrix == null || named.contains(matrix)) {
                    return null;
                }
                named.add(matrix);
            }
        }
        return MATRICES.stream().filter(named::contains).toList();
    }

    /**
     * The document stored beside extracted features ({@code _feature_settings.json}) and with every model: the
     * feature settings' hash, every feature, segment and augmentation setting, the matrices the rows keep
     * ({@code matrices}; the others are null) and the names of the statistics (of all three matrices). The per-file
     * time limit is not in it: it does not change what is computed.
     */
    public Map<String, Object> asMap() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("config_hash", features.hash());
        document.put("features", features.asMap());
        document.put("segments", segments.asMap());
        document.put("augmentation", augmentation.asMap());
        document.put("matrices", storedMatrices.stream().map(Feature::cliName).toList());
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
        Object matrices = document.get("matrices");
        if (!(matrices instanceof List<?> names)) {
            throw new IllegalArgumentException("settings entry matrices is missing or not a list");
        }
        ExtractionSettings settings = new ExtractionSettings(FeatureSettings.fromMap(section(document, "features")),
                SegmentSettings.fromMap(section(document, "segments")), DEFAULT_FILE_TIMEOUT_SECONDS,
                AugmentationSettings.fromMap(section(document, "augmentation")),
                parseMatrices(String.join(",", names.stream().map(String::valueOf).toList())));
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
