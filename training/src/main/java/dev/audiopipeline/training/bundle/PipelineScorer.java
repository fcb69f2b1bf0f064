package dev.audiopipeline.training.bundle;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Scores segment rows with a bundle's Spark ML pipeline. */
final class PipelineScorer {

    private PipelineScorer() {}

    static Dataset<SegmentScore> score(ModelBundle bundle, Dataset<Row> rows) {
        throw new UnsupportedOperationException("Spark ML bundles are scored once the baselines land");
    }
}
