package dev.audiopipeline.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The features of one input, each a {@code float[frame][column]} matrix: ONE ROW PER FRAME, i.e. transposed
 * relative to librosa's {@code (n_features, n_frames)}. Arrays are freshly allocated per extraction and handed
 * to the caller as they are (not copied).
 */
public final class FeatureResult {

    private final FeatureSettings settings;
    private final int frames;
    private final Set<Feature> requested;
    private final Map<Feature, float[][]> values;

    FeatureResult(FeatureSettings settings, int frames, Set<Feature> requested, EnumMap<Feature, float[][]> values) {
        this.settings = settings;
        this.frames = frames;
        this.requested = Collections.unmodifiableSet(requested);
        this.values = values;
    }

    public FeatureSettings settings() {
        return settings;
    }

    /** Number of frames (rows of every matrix). */
    public int frameCount() {
        return frames;
    }

    /** The features that were asked for (intermediate ones may be available too; see {@link #has}). */
    public Set<Feature> requested() {
        return requested;
    }

    public boolean has(Feature feature) {
        return values.containsKey(feature);
    }

    /**
     * The matrix of {@code feature}, {@code [frame][column]}.
     *
     * @throws IllegalStateException if it was not computed
     */
    public float[][] get(Feature feature) {
        float[][] matrix = values.get(feature);
        if (matrix == null) {
            throw new IllegalStateException(feature.cliName() + " was not computed; request it from the extractor");
        }
        return matrix;
    }

    public float[][] melPower() { return get(Feature.MEL); }
    public float[][] logMel() { return get(Feature.LOGMEL); }
    public float[][] mfcc() { return get(Feature.MFCC); }
    public float[][] mfccDelta() { return get(Feature.MFCC_DELTA); }
    public float[][] contrast() { return get(Feature.CONTRAST); }
    public float[][] stftMagnitude() { return get(Feature.STFT_MAG); }
    public float[][] rms() { return get(Feature.RMS); }
    public float[][] zcr() { return get(Feature.ZCR); }
    public float[][] centroid() { return get(Feature.CENTROID); }
    public float[][] bandwidth() { return get(Feature.BANDWIDTH); }
    public float[][] rolloff() { return get(Feature.ROLLOFF); }
    public float[][] chroma() { return get(Feature.CHROMA); }

    /** Summary statistics of the requested features, in {@link Feature} declaration order. */
    public FeatureStatistics statistics() {
        List<Feature> ordered = new ArrayList<>(requested);
        Collections.sort(ordered);
        return statistics(ordered);
    }

    /**
     * Summary statistics of these features in this order; names from
     * {@link SummaryStatistics#names(FeatureSettings, List)}.
     */
    public FeatureStatistics statistics(List<Feature> features) {
        int size = 0;
        for (Feature feature : features) {
            size += feature.columnCount(settings) * SummaryStatistics.STATISTICS.size();
        }
        double[] vector = new double[size];
        int offset = 0;
        for (Feature feature : features) {
            int columns = feature.columnCount(settings);
            SummaryStatistics.compute(get(feature), columns, vector, offset);
            offset += columns * SummaryStatistics.STATISTICS.size();
        }
        List<Feature> order = List.copyOf(features);
        return new FeatureStatistics(() -> SummaryStatistics.names(settings, order), vector);
    }
}
