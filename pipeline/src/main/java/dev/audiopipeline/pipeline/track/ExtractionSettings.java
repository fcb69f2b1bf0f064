package dev.audiopipeline.pipeline.track;

import dev.audiopipeline.features.Feature;
import dev.audiopipeline.features.FeatureSettings;
import dev.audiopipeline.features.ParameterRule;
import dev.audiopipeline.features.augment.AugmentationSettings;
import dev.audiopipeline.pipeline.segment.SegmentSettings;
import java.io.Serializable;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
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

    /** {@link #MATRICES} as the set {@code FeatureExtractor.extract} takes (built once, not per segment). */
    public static final Set<Feature> MATRIX_SET = Collections.unmodifiableSet(EnumSet.copyOf(MATRICES));
}
