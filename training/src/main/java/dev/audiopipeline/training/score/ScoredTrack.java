package dev.audiopipeline.training.score;

import dev.audiopipeline.training.prediction.LabelScore;
import dev.audiopipeline.training.prediction.TrackPrediction;
import java.io.Serializable;
import java.util.List;

/**
 * One scored track, as a bean for Spark: the prediction (by the chosen aggregation), its top labels, whether it
 * is too unsure to act on, and the genre tag the file carries.
 */
public final class ScoredTrack implements Serializable {
    private static final long serialVersionUID = 1L;

    private String path;
    private String trackId;
    private String predictedLabel;
    private double confidence;
    private String[] topKLabels;
    private double[] topKScores;
    private int segments;
    private boolean uncertain;
    private double[] scores;
    private double[] voteShares;
    private String existingLabel;
    private boolean tagMapped;
    private String tagValues;
    private String tagSource;

    static ScoredTrack of(TrackPrediction prediction, TrackPrediction vote, int topK, double uncertainBelow,
                          String tagSource, String tagValues) {
        ScoredTrack track = new ScoredTrack();
        track.path = prediction.path();
        track.trackId = prediction.trackId();
        track.predictedLabel = prediction.predictedLabel();
        track.confidence = prediction.confidence();
        List<LabelScore> top = prediction.topK(topK);
        track.topKLabels = top.stream().map(LabelScore::label).toArray(String[]::new);
        track.topKScores = top.stream().mapToDouble(LabelScore::score).toArray();
        track.segments = prediction.segments();
        track.uncertain = prediction.confidence() < uncertainBelow;
        track.scores = prediction.scores();
        track.voteShares = vote.scores();
        track.tagMapped = prediction.label() != null;
        track.existingLabel = track.tagMapped ? prediction.label() : tagValues;
        track.tagValues = tagValues;
        track.tagSource = tagSource == null ? "none" : tagSource;
        return track;
    }

    /** Whether the track is a relabelling candidate: confident, tagged with a label, and the label differs. */
    public boolean relabel() {
        return tagMapped && !uncertain && !predictedLabel.equals(existingLabel);
    }

    /** The second label, or null for a one-label model. */
    public String runnerUp() {
        return topKLabels.length > 1 ? topKLabels[1] : null;
    }

    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }
    public String getTrackId() { return trackId; }
    public void setTrackId(String trackId) { this.trackId = trackId; }
    public String getPredictedLabel() { return predictedLabel; }
    public void setPredictedLabel(String predictedLabel) { this.predictedLabel = predictedLabel; }
    /** The predicted label's score: its mean probability, or its share of the segment votes. */
    public double getConfidence() { return confidence; }
    public void setConfidence(double confidence) { this.confidence = confidence; }
    public String[] getTopKLabels() { return topKLabels; }
    public void setTopKLabels(String[] topKLabels) { this.topKLabels = topKLabels; }
    public double[] getTopKScores() { return topKScores; }
    public void setTopKScores(double[] topKScores) { this.topKScores = topKScores; }
    public int getSegments() { return segments; }
    public void setSegments(int segments) { this.segments = segments; }
    public boolean isUncertain() { return uncertain; }
    public void setUncertain(boolean uncertain) { this.uncertain = uncertain; }
    /** One score per label, in the bundle's label order. */
    public double[] getScores() { return scores; }
    public void setScores(double[] scores) { this.scores = scores; }
    /** Each label's share of the segments' votes (the seeds' way), in the bundle's label order. */
    public double[] getVoteShares() { return voteShares; }
    public void setVoteShares(double[] voteShares) { this.voteShares = voteShares; }
    /** The model label the file's tag maps to; else the tag as written; null when untagged. */
    public String getExistingLabel() { return existingLabel; }
    public void setExistingLabel(String existingLabel) { this.existingLabel = existingLabel; }
    public boolean isTagMapped() { return tagMapped; }
    public void setTagMapped(boolean tagMapped) { this.tagMapped = tagMapped; }
    public String getTagValues() { return tagValues; }
    public void setTagValues(String tagValues) { this.tagValues = tagValues; }
    public String getTagSource() { return tagSource; }
    public void setTagSource(String tagSource) { this.tagSource = tagSource; }
}
