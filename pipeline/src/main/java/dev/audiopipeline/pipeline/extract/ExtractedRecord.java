package dev.audiopipeline.pipeline.extract;

import java.io.Serializable;

/**
 * One row of {@code features/} as a task produces it: a segment's (or variant's) features and the identity of its
 * input. A Java bean, so Spark's bean encoder turns it into a row without boxing the matrices.
 */
public final class ExtractedRecord implements Serializable {
    private static final long serialVersionUID = 1L;

    private String trackId;
    private String path;
    private String label;
    private String split;
    private int segment;
    private int variant;
    private double startS;
    private double durationS;
    private int sampleRate;
    private float[][] mfcc;
    private float[][] logmel;
    private float[][] contrast;
    private double[] stats;
    private String configHash;
    private long sourceSize;
    private long sourceMtimeMs;

    public String getTrackId() { return trackId; }
    public void setTrackId(String trackId) { this.trackId = trackId; }
    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public String getSplit() { return split; }
    public void setSplit(String split) { this.split = split; }
    public int getSegment() { return segment; }
    public void setSegment(int segment) { this.segment = segment; }
    /** 0 for the segment as decoded, 1..N for its augmented variants. */
    public int getVariant() { return variant; }
    public void setVariant(int variant) { this.variant = variant; }
    public double getStartS() { return startS; }
    public void setStartS(double startS) { this.startS = startS; }
    public double getDurationS() { return durationS; }
    public void setDurationS(double durationS) { this.durationS = durationS; }
    public int getSampleRate() { return sampleRate; }
    public void setSampleRate(int sampleRate) { this.sampleRate = sampleRate; }
    public float[][] getMfcc() { return mfcc; }
    public void setMfcc(float[][] mfcc) { this.mfcc = mfcc; }
    public float[][] getLogmel() { return logmel; }
    public void setLogmel(float[][] logmel) { this.logmel = logmel; }
    public float[][] getContrast() { return contrast; }
    public void setContrast(float[][] contrast) { this.contrast = contrast; }
    public double[] getStats() { return stats; }
    public void setStats(double[] stats) { this.stats = stats; }
    public String getConfigHash() { return configHash; }
    public void setConfigHash(String configHash) { this.configHash = configHash; }
    /** The input's size when listed: with the modification time, what an incremental run compares. */
    public long getSourceSize() { return sourceSize; }
    public void setSourceSize(long sourceSize) { this.sourceSize = sourceSize; }
    /** The input's modification time when listed, ms since the epoch. */
    public long getSourceMtimeMs() { return sourceMtimeMs; }
    public void setSourceMtimeMs(long sourceMtimeMs) { this.sourceMtimeMs = sourceMtimeMs; }
}
