package dev.audiopipeline.training.score;

import dev.audiopipeline.training.evaluation.CsvLine;
import dev.audiopipeline.training.prediction.Labels;
import dev.audiopipeline.training.prediction.ProbabilityColumns;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * The score output's tables: {@code predictions/} (Parquet) and the rows of {@code predictions.csv} and
 * {@code relabel.csv}. Contract columns first: {@code path, predicted_label, confidence, top_k, segments,
 * uncertain, existing_label, tag_source}; then {@code track_id}, {@code tag_values}, {@code tag_mapped} and one
 * score per label.
 */
final class ScoreOutputs {

    static final List<String> CSV_HEADER = List.of("path", "predicted_label", "confidence", "top_k", "segments",
            "uncertain", "existing_label", "tag_source", "track_id", "tag_values", "tag_mapped");
    static final List<String> RELABEL_HEADER = List.of("path", "existing_label", "predicted_label", "confidence",
            "runner_up", "runner_up_confidence", "tag_source", "tag_values", "track_id");

    static final String PREDICTIONS = "predictions";
    static final String REJECTED = "rejected";

    private ScoreOutputs() {}

    /**
     * The tracks of a predictions table written by {@link #table}, as an incremental run reads them back: every
     * field but the vote shares, which the table does not keep (null).
     */
    static Dataset<ScoredTrack> tracks(Dataset<Row> table, Labels labels) {
        Column[] scores = ProbabilityColumns.names(labels).stream().map(functions::col).toArray(Column[]::new);
        return table.select(
                functions.col("path"),
                functions.col("track_id").as("trackId"),
                functions.col("predicted_label").as("predictedLabel"),
                functions.col("confidence"),
                functions.transform(functions.col("top_k"), pair -> pair.getField("label")).as("topKLabels"),
                functions.transform(functions.col("top_k"), pair -> pair.getField("score")).as("topKScores"),
                functions.col("segments"),
                functions.col("uncertain"),
                functions.array(scores).as("scores"),
                functions.lit(null).cast(DataTypes.createArrayType(DataTypes.DoubleType)).as("voteShares"),
                functions.col("existing_label").as("existingLabel"),
                functions.col("tag_mapped").as("tagMapped"),
                functions.col("tag_values").as("tagValues"),
                functions.col("tag_source").as("tagSource"))
                .as(Encoders.bean(ScoredTrack.class));
    }

    /** The predictions table: {@code top_k} an array of (label, score) structs, best first. */
    static Dataset<Row> table(Dataset<ScoredTrack> tracks, Labels labels) {
        List<String> probabilityColumns = ProbabilityColumns.names(labels);
        Column topK = functions.arrays_zip(functions.col("topKLabels"), functions.col("topKScores"));
        Column[] columns = new Column[11 + labels.size()];
        int i = 0;
        columns[i++] = functions.col("path");
        columns[i++] = functions.col("predictedLabel").as("predicted_label");
        columns[i++] = functions.col("confidence");
        columns[i++] = functions.transform(topK, pair -> functions.struct(pair.getField("topKLabels").as("label"),
                pair.getField("topKScores").as("score"))).as("top_k");
        columns[i++] = functions.col("segments");
        columns[i++] = functions.col("uncertain");
        columns[i++] = functions.col("existingLabel").as("existing_label");
        columns[i++] = functions.col("tagSource").as("tag_source");
        columns[i++] = functions.col("trackId").as("track_id");
        columns[i++] = functions.col("tagValues").as("tag_values");
        columns[i++] = functions.col("tagMapped").as("tag_mapped");
        for (int label = 0; label < labels.size(); label++) {
            columns[i++] = functions.col("scores").getItem(label).as(probabilityColumns.get(label));
        }
        return tracks.select(columns);
    }

    static void csvHeader(Writer out, List<String> header, Labels labels) throws IOException {
        List<String> columns = new java.util.ArrayList<>(header);
        if (header == CSV_HEADER) {
            columns.addAll(ProbabilityColumns.names(labels));
        }
        line(out, columns);
    }

    static void csvRow(Writer out, ScoredTrack track) throws IOException {
        List<String> fields = new java.util.ArrayList<>(List.of(track.getPath(), track.getPredictedLabel(),
                number(track.getConfidence()), topK(track), Integer.toString(track.getSegments()),
                Boolean.toString(track.isUncertain()), nullable(track.getExistingLabel()), track.getTagSource(),
                track.getTrackId(), nullable(track.getTagValues()), Boolean.toString(track.isTagMapped())));
        for (double score : track.getScores()) {
            fields.add(number(score));
        }
        line(out, fields);
    }

    static void relabelRow(Writer out, ScoredTrack track) throws IOException {
        String[] labels = track.getTopKLabels();
        double[] scores = track.getTopKScores();
        line(out, List.of(track.getPath(), track.getExistingLabel(), track.getPredictedLabel(),
                number(track.getConfidence()), labels.length > 1 ? labels[1] : "",
                scores.length > 1 ? number(scores[1]) : "", track.getTagSource(), nullable(track.getTagValues()),
                track.getTrackId()));
    }

    /** {@code rock:0.8123;metal:0.1002}. */
    static String topK(ScoredTrack track) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < track.getTopKLabels().length; i++) {
            if (i > 0) {
                text.append(';');
            }
            text.append(track.getTopKLabels()[i]).append(':')
                    .append(String.format(Locale.ROOT, "%.4f", track.getTopKScores()[i]));
        }
        return text.toString();
    }

    private static String number(double value) {
        return Double.toString(value);
    }

    private static String nullable(String value) {
        return value == null ? "" : value;
    }

    private static void line(Writer out, List<String> fields) throws IOException {
        CsvLine.write(fields, out);
    }
}
