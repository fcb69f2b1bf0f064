package dev.audiopipeline.pipeline.extract;

import dev.audiopipeline.features.Feature;
import dev.audiopipeline.features.FeatureSettings;
import dev.audiopipeline.pipeline.segment.SegmentSettings;
import java.io.Serializable;
import java.util.List;

/**
 * What the extraction job computes per segment: the feature kernel's settings and how tracks are cut. The features
 * are the contract's: MFCC, log-mel and spectral contrast matrices ({@code [frame][coefficient]}) and the summary
 * statistics of the three.
 */
public record ExtractionSettings(FeatureSettings features, SegmentSettings segments) implements Serializable {

    /** The matrices every segment row carries, in the order of the statistics vector. */
    public static final List<Feature> MATRICES = List.of(Feature.MFCC, Feature.LOGMEL, Feature.CONTRAST);
}
