package dev.audiopipeline.training.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiopipeline.pipeline.testing.SparkTestSession;
import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every baseline on {@link SyntheticStats}: 3 labels x 10 training tracks x 6 segments, held-out 3 x 5 tracks of
 * other seeds, missing values in both. Settings are small (few trees, few iterations) to keep the test fast; the
 * defaults are measured by {@code bench/baselines-benchmark.sh}.
 */
@ExtendWith(SparkTestSession.class)
class BaselineTrainerTest {
    /** Deliberately not sorted: class index i must be LABELS.get(i), whatever the order. */
    static final List<String> LABELS = List.of("c", "a", "b");
    static final long SEED = 17;
    /** Chance is 1/3; the labels lie ~5 noise deviations apart, so every model should reach far above it. */
    private static final double MIN_HELD_OUT_ACCURACY = 0.8;

    private static final Map<BaselineKind, PipelineModel> FITTED = new EnumMap<>(BaselineKind.class);

    static Dataset<Row> training(SparkSession spark) {
        return SyntheticStats.rows(spark, List.of("a", "b", "c"), 10, 6, 1);
    }

    static Dataset<Row> heldOut(SparkSession spark) {
        return SyntheticStats.rows(spark, List.of("a", "b", "c"), 5, 6, 2);
    }

    /** Small versions of the defaults (few trees, few iterations), for speed. */
    static BaselineSettings fastSettings(BaselineKind kind) {
        return switch (kind) {
            case RF -> new RandomForestSettings(40, 8, 1, "sqrt", 1.0, 32);
            case LOGREG -> new LogisticRegressionSettings(1e-2, 0.0, 40, 1e-6);
            case SVM -> new LinearSvmSettings(1e-2, 20, 1e-6, 0.2, 2);
            case MLP -> new MlpSettings(List.of(16), 60, 1e-6, 128);
            case GBT -> new GbtSettings(8, 3, 0.3, 0.8, "sqrt", 2, 32, 2);
        };
    }

    static synchronized PipelineModel fitted(SparkSession spark, BaselineKind kind) {
        return FITTED.computeIfAbsent(kind,
                k -> BaselineTrainer.fit(training(spark), LABELS, fastSettings(k), SEED));
    }

    @ParameterizedTest
    @EnumSource(BaselineKind.class)
    void learnsTheLabelsOfHeldOutTracksInTheCallersOrder(BaselineKind kind, SparkSession spark) {
        List<Row> predicted = BaselinePredictions.probabilities(fitted(spark, kind), heldOut(spark))
                .select("label", BaselineColumns.PROBABILITIES).collectAsList();

        int right = 0;
        double[][] meanByTrueLabel = new double[LABELS.size()][LABELS.size()];
        for (Row row : predicted) {
            List<Double> probabilities = row.getList(1);
            assertThat(probabilities).hasSize(LABELS.size()).allSatisfy(p -> assertThat(p).isBetween(0.0, 1.0));
            assertThat(probabilities.stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
                    org.assertj.core.data.Offset.offset(1e-9));
            int best = 0;
            for (int i = 1; i < probabilities.size(); i++) {
                best = probabilities.get(i) > probabilities.get(best) ? i : best;
            }
            right += LABELS.get(best).equals(row.getString(0)) ? 1 : 0;
            int truth = LABELS.indexOf(row.getString(0));
            for (int i = 0; i < LABELS.size(); i++) {
                meanByTrueLabel[truth][i] += probabilities.get(i) / (predicted.size() / 3.0);
            }
        }
        assertThat((double) right / predicted.size()).as("%s held-out segment accuracy", kind.cliName())
                .isGreaterThanOrEqualTo(MIN_HELD_OUT_ACCURACY);
        // column 0 is 'c', whatever order the labels sort in: the rows labelled c give it most of their probability
        for (int truth = 0; truth < LABELS.size(); truth++) {
            double[] means = meanByTrueLabel[truth];
            for (int other = 0; other < LABELS.size(); other++) {
                if (other != truth) {
                    assertThat(means[truth]).as("%s: mean probability of %s for %s rows", kind.cliName(),
                            LABELS.get(truth), LABELS.get(truth)).isGreaterThan(means[other]);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(BaselineKind.class)
    void aReloadedModelPredictsExactlyTheSameProbabilities(BaselineKind kind, SparkSession spark)
            throws IOException {
        PipelineModel model = fitted(spark, kind);
        String uri = TestScratch.newDirectory("baseline-" + kind.cliName()).resolve("model").toUri().toString();
        model.write().save(uri);
        PipelineModel reloaded = PipelineModel.load(uri);

        Dataset<Row> rows = heldOut(spark);
        DataFrameAssertions.assertSameProbabilities(BaselinePredictions.probabilities(model, rows),
                BaselinePredictions.probabilities(reloaded, rows));
        assertThat(BaselinePredictions.labels(reloaded).names()).isEqualTo(LABELS);
    }

    /**
     * Trees are fitted from counts and sums in a fixed order: the same bits. The linear models and the perceptron
     * differ in the last bits between two fits in one JVM (Spark's BLAS and loss functions run interpreted, then
     * JIT-compiled, and compiled math may round differently), hence the tolerance, far below any decision.
     */
    @ParameterizedTest
    @EnumSource(BaselineKind.class)
    void theSameRowsAndSeedGiveTheSameModel(BaselineKind kind, SparkSession spark) {
        PipelineModel again = BaselineTrainer.fit(training(spark), LABELS, fastSettings(kind), SEED);

        Dataset<Row> rows = heldOut(spark);
        Dataset<Row> first = BaselinePredictions.probabilities(fitted(spark, kind), rows);
        Dataset<Row> second = BaselinePredictions.probabilities(again, rows);
        if (kind == BaselineKind.RF || kind == BaselineKind.GBT) {
            DataFrameAssertions.assertSameProbabilities(first, second);
        } else {
            DataFrameAssertions.assertProbabilitiesClose(first, second, 1e-9);
        }
    }

    @Test
    void anotherSeedGivesAnotherForest(SparkSession spark) {
        PipelineModel other = BaselineTrainer.fit(training(spark), LABELS, fastSettings(BaselineKind.RF), SEED + 1);

        Dataset<Row> rows = heldOut(spark);
        assertThatThrownBy(() -> DataFrameAssertions.assertProbabilitiesClose(
                BaselinePredictions.probabilities(fitted(spark, BaselineKind.RF), rows),
                BaselinePredictions.probabilities(other, rows), 1e-6))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void refusesLabelsThatAreNotTheModels(SparkSession spark) {
        Dataset<Row> rows = training(spark);
        BaselineSettings settings = fastSettings(BaselineKind.LOGREG);

        assertThatThrownBy(() -> BaselineTrainer.fit(rows, List.of("a", "b"), settings, SEED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[c]").hasMessageContaining("not among the model's labels [a, b]");
        assertThatThrownBy(() -> BaselineTrainer.fit(rows, List.of("a", "b", "c", "d"), settings, SEED))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("labels [d] have no training rows");
        assertThatThrownBy(() -> BaselineTrainer.fit(
                        rows.withColumn("label", org.apache.spark.sql.functions.lit(null).cast("string")),
                        LABELS, settings, SEED))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("180 training rows have no label");
    }

    @Test
    void refusesRowsWithoutStatisticsOfTheRightType(SparkSession spark) {
        Dataset<Row> rows = training(spark);
        BaselineSettings settings = fastSettings(BaselineKind.LOGREG);

        assertThatThrownBy(() -> BaselineTrainer.fit(rows.drop("stats"), LABELS, settings, SEED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("input column 'stats' is missing");
        assertThatThrownBy(() -> BaselineTrainer.fit(rows.withColumn("stats",
                        rows.col("stats").cast("array<float>")), LABELS, settings, SEED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("input column 'stats' must be array<double>, is array<float>");
    }
}
