package dev.audiopipeline.training.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiopipeline.pipeline.testing.SparkTestSession;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkTestSession.class)
class BaselinePredictionsTest {

    @Test
    void addsOnlyTheProbabilitiesColumn(SparkSession spark) {
        PipelineModel model = BaselineTrainerTest.fitted(spark, BaselineKind.RF);
        Dataset<Row> rows = BaselineTrainerTest.heldOut(spark);

        Dataset<Row> predicted = BaselinePredictions.probabilities(model, rows);

        assertThat(predicted.columns()).containsExactly("track_id", "path", "label", "segment", "stats",
                BaselineColumns.PROBABILITIES);
        assertThat(predicted.schema().apply(BaselineColumns.PROBABILITIES).dataType().simpleString())
                .isEqualTo("array<double>");
        assertThat(predicted.count()).isEqualTo(rows.count());
        assertThat(BaselinePredictions.labels(model).names()).containsExactlyElementsOf(BaselineTrainerTest.LABELS);
    }

    @Test
    void predictsRowsWithoutALabelAsRowsWithOne(SparkSession spark) {
        PipelineModel model = BaselineTrainerTest.fitted(spark, BaselineKind.RF);
        Dataset<Row> rows = BaselineTrainerTest.heldOut(spark);
        Dataset<Row> labelled = BaselinePredictions.probabilities(model, rows).drop("label");

        // a library to score: labels unknown to the model, null, or no label column at all
        DataFrameAssertions.assertSameProbabilities(labelled,
                BaselinePredictions.probabilities(model, rows.withColumn("label", functions.lit("polka"))));
        DataFrameAssertions.assertSameProbabilities(labelled,
                BaselinePredictions.probabilities(model, rows.withColumn("label", functions.lit(null).cast("string"))));
        DataFrameAssertions.assertSameProbabilities(labelled,
                BaselinePredictions.probabilities(model, rows.drop("label")));
    }

    @Test
    void refusesAFrameThatHasProbabilitiesAndAModelThatIsNoBaseline(SparkSession spark) {
        PipelineModel model = BaselineTrainerTest.fitted(spark, BaselineKind.RF);
        Dataset<Row> rows = BaselineTrainerTest.heldOut(spark).withColumn("probabilities", functions.lit(1));

        assertThatThrownBy(() -> BaselinePredictions.probabilities(model, rows))
                .hasMessage("output column 'probabilities' already exists");
        PipelineModel notABaseline = new PipelineModel("other", java.util.List.of(model.stages()[0]));
        assertThatThrownBy(() -> BaselinePredictions.labels(notABaseline))
                .hasMessage("the pipeline has no label indexer writing 'baseline_label_index': not a baseline model");
    }
}
