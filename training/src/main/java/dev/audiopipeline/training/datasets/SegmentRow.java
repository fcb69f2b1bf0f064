package dev.audiopipeline.training.datasets;

import dev.audiopipeline.pipeline.store.FeaturesTable;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * One segment row as models read it: its track and label and its features, as Java arrays. A bean, so that
 * Spark's bean encoder hands the matrices over without boxing each float (untyped rows give Scala collections).
 * Matrices are {@code [frame][coefficient]}, as stored.
 */
public final class SegmentRow implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The columns read, in {@link FeaturesTable}'s names. */
    static final String[] COLUMNS = {FeaturesTable.TRACK_ID, FeaturesTable.PATH, FeaturesTable.LABEL,
        FeaturesTable.SEGMENT, FeaturesTable.VARIANT, FeaturesTable.MFCC, FeaturesTable.LOGMEL, FeaturesTable.CONTRAST,
        FeaturesTable.STATS};
    /** Scoring's columns for the genre tag a file carries (null when the rows have none: features/ has none). */
    public static final String TAG_SOURCE = "tag_source";
    public static final String TAG_VALUES = "tag_values";

    private String trackId;
    private String path;
    private String label;
    private int segment;
    private int variant;
    private float[][] mfcc;
    private float[][] logmel;
    private float[][] contrast;
    private double[] stats;
    private String tagSource;
    private String tagValues;

    /** The rows of a features table (or of anything with its columns) as beans. */
    public static Dataset<SegmentRow> of(Dataset<Row> rows) {
        List<String> present = Arrays.asList(rows.columns());
        List<Column> columns = new java.util.ArrayList<>();
        for (String name : COLUMNS) {
            columns.add(functions.col(name).as(FeaturesTable.beanProperty(name)));
        }
        for (String name : List.of(TAG_SOURCE, TAG_VALUES)) {
            Column column = present.contains(name) ? functions.col(name) : functions.lit(null).cast("string");
            columns.add(column.as(FeaturesTable.beanProperty(name)));
        }
        return rows.select(columns.toArray(Column[]::new)).as(Encoders.bean(SegmentRow.class));
    }

    /** Beans back to a table with the features table's column names (and the tag columns). */
    public static Dataset<Row> asTable(Dataset<SegmentRow> rows) {
        List<Column> columns = new java.util.ArrayList<>();
        for (String name : COLUMNS) {
            columns.add(functions.col(FeaturesTable.beanProperty(name)).as(name));
        }
        for (String name : List.of(TAG_SOURCE, TAG_VALUES)) {
            columns.add(functions.col(FeaturesTable.beanProperty(name)).as(name));
        }
        return rows.toDF().select(columns.toArray(Column[]::new));
    }

    public String getTrackId() { return trackId; }
    public void setTrackId(String trackId) { this.trackId = trackId; }
    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public int getSegment() { return segment; }
    public void setSegment(int segment) { this.segment = segment; }
    public int getVariant() { return variant; }
    public void setVariant(int variant) { this.variant = variant; }
    public float[][] getMfcc() { return mfcc; }
    public void setMfcc(float[][] mfcc) { this.mfcc = mfcc; }
    public float[][] getLogmel() { return logmel; }
    public void setLogmel(float[][] logmel) { this.logmel = logmel; }
    public float[][] getContrast() { return contrast; }
    public void setContrast(float[][] contrast) { this.contrast = contrast; }
    public double[] getStats() { return stats; }
    public void setStats(double[] stats) { this.stats = stats; }
    /** Where the file's genre tag came from ({@code tags.TagSource} code), or null. */
    public String getTagSource() { return tagSource; }
    public void setTagSource(String tagSource) { this.tagSource = tagSource; }
    /** The file's genre values as written, joined with "; ", or null. */
    public String getTagValues() { return tagValues; }
    public void setTagValues(String tagValues) { this.tagValues = tagValues; }
}
