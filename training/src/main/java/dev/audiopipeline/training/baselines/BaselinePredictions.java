package dev.audiopipeline.training.baselines;

import dev.audiopipeline.training.prediction.Labels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Probabilities from a baseline trained by {@link BaselineTrainer}, in its label order. */
public final class BaselinePredictions {
    private BaselinePredictions() {
    }

    /**
     * {@code rows} with one column added, {@link BaselineColumns#PROBABILITIES}: {@code array<double>}, one probability
     * per label in the model's label order ({@link #labels}), each in [0, 1], summing to 1. Nothing else is added;
     * the rows need {@link BaselineColumns#STATS} (non-null, as long as the training rows'), and a
     * {@link BaselineColumns#LABEL} column is optional (null or unknown labels are fine).
     *
     * @throws IllegalArgumentException when {@code rows} has no statistics column or already has a
     *     {@code probabilities} column
     */
    public static Dataset<Row> probabilities(PipelineModel model, Dataset<Row> rows) {
        StatsColumnsCheck.requireFree(rows.schema(), BaselineColumns.PROBABILITIES);
        Dataset<Row> predicted = model.transform(rows);
        List<Column> columns = new ArrayList<>();
        for (String name : rows.columns()) {
            columns.add(predicted.col(name));
        }
        columns.add(org.apache.spark.ml.functions.vector_to_array(predicted.col(BaselineColumns.PROBABILITY),
                "float64").as(BaselineColumns.PROBABILITIES));
        return predicted.select(columns.toArray(new Column[0]));
    }

    /**
     * The labels of {@code model}, in the order of its probabilities: what the bundle's labels must equal.
     *
     * @throws IllegalArgumentException when {@code model} is not a baseline (it has no label indexer)
     */
    public static Labels labels(PipelineModel model) {
        for (Transformer stage : model.stages()) {
            if (stage instanceof StringIndexerModel indexer
                    && BaselineColumns.LABEL_INDEX.equals(indexer.getOutputCol())) {
                return Labels.of(Arrays.asList(indexer.labelsArray()[0]));
            }
        }
        throw new IllegalArgumentException("the pipeline has no label indexer writing '"
                + BaselineColumns.LABEL_INDEX + "': not a baseline model");
    }
}
