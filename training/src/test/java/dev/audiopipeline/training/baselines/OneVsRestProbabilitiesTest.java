package dev.audiopipeline.training.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.audiopipeline.pipeline.testing.SparkTestSession;
import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.IOException;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

class OneVsRestProbabilitiesTest {

    @Test
    void logisticLinkNormalisesEachBinaryModelsProbability() {
        OneVsRestProbabilities gbt = new OneVsRestProbabilities().setLink("logistic").setScale(2.0);

        // sigmoid(2 * 0) = 0.5, sigmoid(2 * ln 3 / 2) = 3/4, sigmoid(-2 * ln 3 / 2) = 1/4: sum 1.5
        double[] probabilities = gbt.probabilities(new double[] {0.0, Math.log(3) / 2, -Math.log(3) / 2});

        assertThat(probabilities[0]).isCloseTo(0.5 / 1.5, within(1e-15));
        assertThat(probabilities[1]).isCloseTo(0.75 / 1.5, within(1e-15));
        assertThat(probabilities[2]).isCloseTo(0.25 / 1.5, within(1e-15));
    }

    @Test
    void softmaxLinkScalesTheMargins() {
        OneVsRestProbabilities svm = new OneVsRestProbabilities().setLink("softmax").setScale(0.5);

        // exp(0.5 * 2 ln 2) = 2, exp(0) = 1, exp(0.5 * 2 ln 5) = 5: sum 8
        double[] probabilities = svm.probabilities(new double[] {2 * Math.log(2), 0.0, 2 * Math.log(5)});

        assertThat(probabilities).containsExactly(new double[] {2.0 / 8, 1.0 / 8, 5.0 / 8}, within(1e-15));
    }

    @Test
    void hugeMarginsGiveFiniteProbabilitiesInTheMarginsOrder() {
        for (String link : List.of("logistic", "softmax")) {
            double[] probabilities = new OneVsRestProbabilities().setLink(link).setScale(2.0)
                    .probabilities(new double[] {-900.0, -1000.0, -800.0});

            assertThat(java.util.Arrays.stream(probabilities).boxed()).as(link)
                    .allSatisfy(p -> assertThat(p).isBetween(0.0, 1.0));
            assertThat(probabilities[2]).as(link).isCloseTo(1.0, within(1e-12));
            assertThat(probabilities[0]).as(link).isGreaterThan(probabilities[1]);
        }
    }

    @Test
    @ExtendWith(SparkTestSession.class)
    void addsTheProbabilityColumnAndReadsBackItsParams(SparkSession spark) throws IOException {
        StructType schema = new StructType().add("margins", SQLDataTypes.VectorType());
        Dataset<Row> rows = spark.createDataFrame(List.of(RowFactory.create(Vectors.dense(1.0, -1.0))), schema);
        OneVsRestProbabilities stage = new OneVsRestProbabilities().setInputCol("margins").setOutputCol("p")
                .setLink("logistic").setScale(2.0);
        String uri = TestScratch.newDirectory("ovr-probabilities").resolve("stage").toUri().toString();

        stage.write().save(uri);
        OneVsRestProbabilities reloaded = OneVsRestProbabilities.load(uri);
        Vector probabilities = (Vector) reloaded.transform(rows).select("p").first().get(0);

        assertThat(reloaded.getLink()).isEqualTo("logistic");
        assertThat(reloaded.getScale()).isEqualTo(2.0);
        assertThat(probabilities.toArray()).containsExactly(stage.probabilities(new double[] {1.0, -1.0}));
        // sigmoid(2) / (sigmoid(2) + sigmoid(-2)) = sigmoid(2), as the two sigmoids sum to 1
        assertThat(probabilities.apply(0)).isCloseTo(1 / (1 + Math.exp(-2)), within(1e-15));
    }
}
