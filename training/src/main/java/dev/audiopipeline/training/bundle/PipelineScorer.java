package dev.audiopipeline.training.bundle;

import dev.audiopipeline.pipeline.store.FeaturesTable;
import dev.audiopipeline.training.baselines.BaselineColumns;
import dev.audiopipeline.training.baselines.BaselinePredictions;
import dev.audiopipeline.training.datasets.SegmentRow;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Scores segment rows with a bundle's Spark ML pipeline: the pipeline runs as Spark ML runs it (a transform, on the
 * executors), and its probabilities become the same {@link SegmentScore} rows a network gives.
 */
final class PipelineScorer {

    private PipelineScorer() {}

    static Dataset<SegmentScore> score(ModelBundle bundle, Dataset<Row> rows) {
        List<String> present = Arrays.asList(rows.columns());
        Dataset<Row> inputs = rows.select(
                rows.col(FeaturesTable.TRACK_ID).as("trackId"),
                rows.col(FeaturesTable.PATH).as("path"),
                rows.col(FeaturesTable.LABEL).as(BaselineColumns.LABEL),
                rows.col(FeaturesTable.SEGMENT).as("segment"),
                rows.col(FeaturesTable.STATS).as(BaselineColumns.STATS),
                optional(rows, present, SegmentRow.TAG_SOURCE, "tagSource"),
                optional(rows, present, SegmentRow.TAG_VALUES, "tagValues"));
        Dataset<Row> scored = BaselinePredictions.probabilities(bundle.pipeline(), inputs);
        return scored.select(scored.col("trackId"), scored.col("path"), scored.col(BaselineColumns.LABEL).as("label"),
                        scored.col("segment"), scored.col(BaselineColumns.PROBABILITIES).as("probabilities"),
                        scored.col("tagSource"), scored.col("tagValues"))
                .as(Encoders.bean(SegmentScore.class));
    }

    /** A column scoring carries along when the rows have it (a library's tags), null otherwise (features). */
    private static Column optional(Dataset<Row> rows, List<String> present, String column, String as) {
        return present.contains(column) ? rows.col(column).as(as)
                : functions.lit(null).cast(DataTypes.StringType).as(as);
    }
}
