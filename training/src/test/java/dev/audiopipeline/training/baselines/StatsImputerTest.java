package dev.audiopipeline.training.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiopipeline.pipeline.testing.SparkTestSession;
import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkTestSession.class)
class StatsImputerTest {
    private static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.IntegerType)
            .add("stats", DataTypes.createArrayType(DataTypes.DoubleType, true));

    private static Dataset<Row> rows(SparkSession spark, List<Double>... stats) {
        Row[] rows = new Row[stats.length];
        for (int i = 0; i < stats.length; i++) {
            rows[i] = RowFactory.create(i, stats[i]);
        }
        return spark.createDataFrame(Arrays.asList(rows), SCHEMA);
    }

    @Test
    void fillsEachCoordinateWithTheMeanOfItsFiniteTrainingValues(SparkSession spark) {
        Dataset<Row> training = rows(spark,
                Arrays.asList(1.0, Double.NaN, 5.0, Double.NaN),
                Arrays.asList(2.0, 10.0, Double.POSITIVE_INFINITY, Double.NaN),
                Arrays.asList(6.0, null, Double.NEGATIVE_INFINITY, Double.NaN));

        StatsImputerModel model = new StatsImputer().setOutputCol("filled").fit(training);

        // column 0: (1 + 2 + 6) / 3; column 1: only 10 is finite; column 2: only 5; column 3: none, so 0
        assertThat(model.getFillValues()).containsExactly(3.0, 10.0, 5.0, 0.0);
        assertThat(model.size()).isEqualTo(4);
        List<Row> filled = model.transform(training).orderBy("id").select("filled").collectAsList();
        assertThat(filled).extracting(row -> ((Vector) row.get(0)).toArray()).containsExactly(
                new double[] {1.0, 10.0, 5.0, 0.0},
                new double[] {2.0, 10.0, 5.0, 0.0},
                new double[] {6.0, 10.0, 5.0, 0.0});
    }

    @Test
    void refusesRowsOfAnotherLengthOrWithoutStatistics(SparkSession spark) {
        // found on the driver or in a task (then wrapped by Spark), depending on the partitions the rows fall in
        assertThat(rootMessage(() -> new StatsImputer().fit(rows(spark, List.of(1.0, 2.0), List.of(1.0, 2.0, 3.0)))))
                .isEqualTo("rows of 'stats' differ in length: 2 and 3 values (features extracted with different"
                        + " settings?)");
        assertThat(rootMessage(() -> new StatsImputer().fit(rows(spark, List.of(1.0, 2.0), null))))
                .isEqualTo("a training row has no 'stats' (null)");

        StatsImputerModel model = new StatsImputer().fit(rows(spark, List.of(1.0, 2.0)));
        assertThat(rootMessage(() -> model.transform(rows(spark, List.of(1.0, 2.0, 3.0))).collectAsList()))
                .isEqualTo("a row's 'stats' has 3 values, the model expects 2 (features extracted with other"
                        + " settings?)");
    }

    private static String rootMessage(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isNotNull();
        while (thrown.getCause() != null) {
            thrown = thrown.getCause();
        }
        return thrown.getMessage();
    }

    @Test
    void checksTheColumnsBeforeAnyDataMoves(SparkSession spark) {
        Dataset<Row> training = rows(spark, List.of(1.0));

        assertThatThrownBy(() -> new StatsImputer().setInputCol("id").fit(training))
                .hasMessage("input column 'id' must be array<double>, is int");
        assertThatThrownBy(() -> new StatsImputer().setOutputCol("id").fit(training))
                .hasMessage("output column 'id' already exists");
    }

    @Test
    void fillValuesReadBackToTheSameDoubles(SparkSession spark) throws IOException {
        double[] awkward = {0.1 + 0.2, -1.0 / 3.0, Math.PI * 1e-300, Double.MIN_VALUE, -0.0, 1e308};
        StatsImputerModel model = new StatsImputerModel("statsImputer_test").setFillValues(awkward)
                .setInputCol("values").setOutputCol("vector");
        String uri = TestScratch.newDirectory("imputer").resolve("model").toUri().toString();

        model.write().save(uri);
        StatsImputerModel reloaded = StatsImputerModel.load(uri);

        assertThat(Arrays.stream(reloaded.getFillValues()).mapToLong(Double::doubleToRawLongBits).toArray())
                .containsExactly(Arrays.stream(awkward).mapToLong(Double::doubleToRawLongBits).toArray());
        assertThat(reloaded.getInputCol()).isEqualTo("values");
        assertThat(reloaded.getOutputCol()).isEqualTo("vector");
        assertThat(reloaded.uid()).isEqualTo("statsImputer_test");
    }
}
