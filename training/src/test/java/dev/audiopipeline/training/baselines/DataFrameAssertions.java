package dev.audiopipeline.training.baselines;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.posexplode;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import com.holdenkarau.spark.testing.SparkSessionProvider;
import dev.audiopipeline.pipeline.testing.SparkTestSession;
import java.time.Duration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * spark-testing-base's DataFrame equality ({@code DataFrameSuiteBase}: the same schema, then the same rows in the same
 * order) on the shared test session. Its JUnit 4 base class would start a SparkContext of its own before each test;
 * here its assertions run on {@link SparkTestSession}'s session, and no JUnit 4 hook runs.
 */
final class DataFrameAssertions {
    private static final JavaDataFrameSuiteBase SUITE = onSharedSession();

    private DataFrameAssertions() {
    }

    /**
     * The same probabilities for the same segments, to the bit: track, segment and probabilities of both frames, in
     * order. (The statistics are left out: Scala's array equality finds NaN unequal to itself.)
     */
    static void assertSameProbabilities(Dataset<Row> expected, Dataset<Row> actual) {
        SUITE.assertDataFrameEquals(probabilities(expected), probabilities(actual),
                SUITE.assertDataFrameEquals$default$3());
    }

    /**
     * The same probabilities for the same segments within {@code tolerance}: both frames' {@code probabilities}
     * arrays, one row per (track, segment, label position), ordered, compared value by value (spark-testing-base
     * compares arrays exactly, so they are exploded first).
     */
    static void assertProbabilitiesClose(Dataset<Row> expected, Dataset<Row> actual, double tolerance) {
        SUITE.assertDataFrameApproximateEquals(byPosition(expected), byPosition(actual), tolerance, Duration.ZERO,
                SUITE.assertDataFrameApproximateEquals$default$5());
    }

    private static Dataset<Row> probabilities(Dataset<Row> predictions) {
        return predictions.select("track_id", "segment", BaselineColumns.PROBABILITIES).orderBy("track_id", "segment");
    }

    private static Dataset<Row> byPosition(Dataset<Row> predictions) {
        return predictions.select(col("track_id"), col("segment"),
                        posexplode(col(BaselineColumns.PROBABILITIES)).as(new String[] {"position", "probability"}))
                .orderBy("track_id", "segment", "position");
    }

    private static JavaDataFrameSuiteBase onSharedSession() {
        SparkSessionProvider._sparkSession_$eq(SparkTestSession.get());
        return new JavaDataFrameSuiteBase();
    }
}
