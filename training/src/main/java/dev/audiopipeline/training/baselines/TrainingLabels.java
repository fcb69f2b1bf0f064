package dev.audiopipeline.training.baselines;

import dev.audiopipeline.training.prediction.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Checks that the training rows' labels are the model's: every row labelled, none unknown, none missing. */
final class TrainingLabels {
    private TrainingLabels() {
    }

    /**
     * The number of training rows per label, in label order.
     *
     * @throws IllegalArgumentException naming the rows without a label, the labels that are not the model's, or the
     *     model's labels without a training row
     */
    static long[] rowsPerLabel(Dataset<Row> rows, String labelCol, Labels labels) {
        Map<String, Long> counts = new TreeMap<>();
        long unlabelled = 0;
        for (Row row : rows.groupBy(labelCol).count().collectAsList()) {
            if (row.isNullAt(0)) {
                unlabelled = row.getLong(1);
            } else {
                counts.put(row.getString(0), row.getLong(1));
            }
        }
        if (unlabelled > 0) {
            throw new IllegalArgumentException(unlabelled + " training rows have no label");
        }
        List<String> unknown = new ArrayList<>();
        counts.keySet().forEach(label -> {
            if (labels.indexOf(label) < 0) {
                unknown.add(label);
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("training rows have labels " + unknown + " that are not among the"
                    + " model's labels " + labels);
        }
        long[] perLabel = new long[labels.size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < perLabel.length; i++) {
            perLabel[i] = counts.getOrDefault(labels.name(i), 0L);
            if (perLabel[i] == 0) {
                missing.add(labels.name(i));
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("labels " + missing + " have no training rows");
        }
        return perLabel;
    }
}
