package dev.audiopipeline.training.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.audiopipeline.training.prediction.Labels;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * {@code metrics.json} of {@code evaluate}, one model:
 * <pre>
 * { "model_name", "model_kind", "feature_settings_hash", "rows_evaluated", "tracks_evaluated", "labels": [...],
 *   "segment" | "track" | "track_vote": {
 *     "aggregation": "segment" | "mean_probability" | "majority_vote", "examples",
 *     "accuracy", "macro_f1",
 *     "per_class": { label: { "precision", "recall", "f1", "support" } },
 *     "confusion_matrix": { "labels": [...], "matrix": [[count, ...], ...] },   (rows true, columns predicted)
 *     "roc_auc": { "per_class": { label: number | null }, "macro": number | null },
 *     "pr_auc": { "per_class": { label: number | null }, "macro": number | null },
 *     "top2_accuracy", "ece", "ece_bins" } }
 * </pre>
 * Labels keep the model's order everywhere. null marks an undefined value ({@link LevelMetrics} says when).
 */
public final class MetricsJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MetricsJson() {
    }

    public static void write(ModelEvaluation evaluation, OutputStream out) throws IOException {
        JSON.writeValue(out, toJson(evaluation));
    }

    public static ObjectNode toJson(ModelEvaluation evaluation) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model_name", evaluation.model().name());
        root.put("model_kind", evaluation.model().kind());
        root.put("feature_settings_hash", evaluation.model().featureSettingsHash());
        root.put("rows_evaluated", evaluation.rowsEvaluated());
        root.put("tracks_evaluated", evaluation.tracksEvaluated());
        root.set("labels", labelArray(evaluation.labels()));
        root.set("segment", level(evaluation.segment(), "segment"));
        root.set("track", level(evaluation.track(), "mean_probability"));
        root.set("track_vote", level(evaluation.trackVote(), "majority_vote"));
        return root;
    }

    private static ObjectNode level(LevelMetrics metrics, String aggregation) {
        Labels labels = metrics.labels();
        ObjectNode level = JSON.createObjectNode();
        level.put("aggregation", aggregation);
        level.put("examples", metrics.examples());
        level.put("accuracy", metrics.accuracy());
        level.put("macro_f1", metrics.macroF1());
        ObjectNode perClass = level.putObject("per_class");
        for (int label = 0; label < labels.size(); label++) {
            ClassMetrics classMetrics = metrics.perClass().get(label);
            ObjectNode entry = perClass.putObject(labels.name(label));
            entry.put("precision", classMetrics.precision());
            entry.put("recall", classMetrics.recall());
            entry.put("f1", classMetrics.f1());
            entry.put("support", classMetrics.support());
        }
        ObjectNode confusion = level.putObject("confusion_matrix");
        confusion.set("labels", labelArray(labels));
        ArrayNode matrix = confusion.putArray("matrix");
        for (long[] row : metrics.confusion().counts()) {
            ArrayNode rowNode = matrix.addArray();
            for (long count : row) {
                rowNode.add(count);
            }
        }
        level.set("roc_auc", perClassWithMacro(labels, metrics.rocAuc(), metrics.rocAucMacro()));
        level.set("pr_auc", perClassWithMacro(labels, metrics.prAuc(), metrics.prAucMacro()));
        level.put("top2_accuracy", metrics.top2Accuracy());
        level.put("ece", metrics.ece());
        level.put("ece_bins", CalibrationError.DEFAULT_BINS);
        return level;
    }

    private static ObjectNode perClassWithMacro(Labels labels, List<Double> perClass, Double macro) {
        ObjectNode node = JSON.createObjectNode();
        ObjectNode values = node.putObject("per_class");
        for (int label = 0; label < labels.size(); label++) {
            values.put(labels.name(label), perClass.get(label));
        }
        node.put("macro", macro);
        return node;
    }

    private static ArrayNode labelArray(Labels labels) {
        ArrayNode array = JSON.createArrayNode();
        labels.names().forEach(array::add);
        return array;
    }
}
