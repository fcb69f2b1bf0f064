package dev.audiopipeline.training.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.audiopipeline.pipeline.testing.SparkTestSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkTestSession.class)
class SoftmaxTemperatureTest {
    private static final StructType SCHEMA = new StructType()
            .add("margins", SQLDataTypes.VectorType())
            .add("label", DataTypes.DoubleType);

    /**
     * Labels drawn from softmax(2.5 * margins) over 4 labels: the maximum-likelihood scale is 2.5 up to sampling
     * error (about 0.05 with 20,000 rows; the smoothing, 1 / 20,002, moves it far less).
     */
    @Test
    void recoversTheScaleLabelsWereDrawnWith(SparkSession spark) {
        Random random = new Random(3);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            double[] margins = new double[4];
            double[] weights = new double[4];
            double total = 0;
            for (int k = 0; k < 4; k++) {
                margins[k] = random.nextGaussian();
                weights[k] = Math.exp(2.5 * margins[k]);
                total += weights[k];
            }
            double draw = random.nextDouble() * total;
            int label = 0;
            while (label < 3 && draw > weights[label]) {
                draw -= weights[label];
                label++;
            }
            rows.add(RowFactory.create(Vectors.dense(margins), (double) label));
        }
        Dataset<Row> margins = spark.createDataFrame(rows, SCHEMA);

        assertThat(SoftmaxTemperature.fit(margins, "margins", "label")).isCloseTo(2.5, within(0.15));
    }

    /** Without smoothing the loss would fall forever; with it, the scale stays finite and sure, not certain. */
    @Test
    void perfectlySeparatedMarginsGiveAFiniteScale(SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int label = i % 3;
            double[] margins = {-1, -1, -1};
            margins[label] = 1;
            rows.add(RowFactory.create(Vectors.dense(margins), (double) label));
        }

        double scale = SoftmaxTemperature.fit(spark.createDataFrame(rows, SCHEMA), "margins", "label");

        // the optimum gives the true label 1 - 1/102: exp(2s) / (exp(2s) + 2) = 101/102, s = ln(202) / 2
        assertThat(scale).isCloseTo(Math.log(202) / 2, within(1e-6));
    }
}
