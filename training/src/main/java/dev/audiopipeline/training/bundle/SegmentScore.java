package dev.audiopipeline.training.bundle;

import dev.audiopipeline.training.prediction.SegmentPrediction;
import java.io.Serializable;

/**
 * What a model said about one segment, as a bean (Spark's bean encoder keeps the probabilities a primitive array):
 * the Dataset form of a {@link SegmentPrediction}. Probabilities are in the bundle's label order.
 */
public final class SegmentScore implements Serializable {
    private static final long serialVersionUID = 1L;

    private String trackId;
    private String path;
    private String label;
    private int segment;
    private double[] probabilities;
    private String tagSource;
    private String tagValues;

    /** The score of a row, carrying the row's identity and tag along. */
    static SegmentScore of(dev.audiopipeline.training.datasets.SegmentRow row, double[] probabilities) {
        SegmentScore score = of(row.getTrackId(), row.getPath(), row.getLabel(), row.getSegment(), probabilities);
        score.tagSource = row.getTagSource();
        score.tagValues = row.getTagValues();
        return score;
    }

    public static SegmentScore of(String trackId, String path, String label, int segment, double[] probabilities) {
        SegmentScore score = new SegmentScore();
        score.trackId = trackId;
        score.path = path;
        score.label = label;
        score.segment = segment;
        score.probabilities = probabilities;
        return score;
    }

    public SegmentPrediction toPrediction() {
        return new SegmentPrediction(trackId, path, label, segment, probabilities);
    }

    public String getTrackId() { return trackId; }
    public void setTrackId(String trackId) { this.trackId = trackId; }
    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public int getSegment() { return segment; }
    public void setSegment(int segment) { this.segment = segment; }
    public double[] getProbabilities() { return probabilities; }
    public void setProbabilities(double[] probabilities) { this.probabilities = probabilities; }
    /** Where the file's genre tag came from, or null (scoring only). */
    public String getTagSource() { return tagSource; }
    public void setTagSource(String tagSource) { this.tagSource = tagSource; }
    /** The file's genre values as written, joined with "; ", or null (scoring only). */
    public String getTagValues() { return tagValues; }
    public void setTagValues(String tagValues) { this.tagValues = tagValues; }
}
