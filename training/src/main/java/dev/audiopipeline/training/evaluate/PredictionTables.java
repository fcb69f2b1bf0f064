package dev.audiopipeline.training.evaluate;

import dev.audiopipeline.training.prediction.Labels;
import dev.audiopipeline.training.prediction.ProbabilityColumns;
import dev.audiopipeline.training.prediction.SegmentPrediction;
import dev.audiopipeline.training.prediction.TrackPrediction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Predictions as tables anyone can recompute or re-plot the metrics from: one row per track (mean of its
 * segments' probabilities) or per segment, with {@code path, track_id, label, predicted_label}, the confidence
 * and one probability column per label ({@link ProbabilityColumns}, in the model's label order).
 */
public final class PredictionTables {

    private PredictionTables() {}

    public static Dataset<Row> tracks(SparkSession spark, Labels labels, Collection<TrackPrediction> tracks) {
        StructType schema = withProbabilities(new StructType().add("path", DataTypes.StringType)
                .add("track_id", DataTypes.StringType).add("label", DataTypes.StringType)
                .add("predicted_label", DataTypes.StringType).add("confidence", DataTypes.DoubleType)
                .add("segments", DataTypes.IntegerType), labels);
        List<Row> rows = new ArrayList<>();
        for (TrackPrediction track : tracks) {
            Object[] values = new Object[schema.size()];
            values[0] = track.path();
            values[1] = track.trackId();
            values[2] = track.label();
            values[3] = track.predictedLabel();
            values[4] = track.confidence();
            values[5] = track.segments();
            fill(values, 6, track.meanProbabilities());
            rows.add(RowFactory.create(values));
        }
        return spark.createDataFrame(rows, schema);
    }

    public static Dataset<Row> segments(SparkSession spark, Labels labels, Collection<SegmentPrediction> segments) {
        StructType schema = withProbabilities(new StructType().add("path", DataTypes.StringType)
                .add("track_id", DataTypes.StringType).add("label", DataTypes.StringType)
                .add("segment", DataTypes.IntegerType).add("predicted_label", DataTypes.StringType), labels);
        List<Row> rows = new ArrayList<>();
        for (SegmentPrediction segment : segments) {
            Object[] values = new Object[schema.size()];
            values[0] = segment.path();
            values[1] = segment.trackId();
            values[2] = segment.label();
            values[3] = segment.segment();
            values[4] = labels.name(segment.ranking()[0]);
            fill(values, 5, segment.probabilities());
            rows.add(RowFactory.create(values));
        }
        return spark.createDataFrame(rows, schema);
    }

    private static StructType withProbabilities(StructType schema, Labels labels) {
        StructType result = schema;
        for (String column : ProbabilityColumns.names(labels)) {
            result = result.add(column, DataTypes.DoubleType);
        }
        return result;
    }

    private static void fill(Object[] values, int from, double[] probabilities) {
        for (int i = 0; i < probabilities.length; i++) {
            values[from + i] = probabilities[i];
        }
    }
}
