package dev.audiopipeline.training.report;

import dev.audiopipeline.training.evaluation.LevelMetrics;
import dev.audiopipeline.training.evaluation.ModelEvaluation;
import java.util.List;
import java.util.function.Function;

/**
 * Several models on the same features side by side: accuracy, macro F1 and macro ROC AUC by segment and by track
 * (mean probability), the best of each column marked.
 */
final class ComparisonTable {
    private record Column(String metric, String level, Function<ModelEvaluation, LevelMetrics> metrics,
                          Function<LevelMetrics, Double> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("accuracy", "segment", ModelEvaluation::segment, LevelMetrics::accuracy),
            new Column("accuracy", "track", ModelEvaluation::track, LevelMetrics::accuracy),
            new Column("macro_f1", "segment", ModelEvaluation::segment, LevelMetrics::macroF1),
            new Column("macro_f1", "track", ModelEvaluation::track, LevelMetrics::macroF1),
            new Column("roc_auc.macro", "segment", ModelEvaluation::segment, LevelMetrics::rocAucMacro),
            new Column("roc_auc.macro", "track", ModelEvaluation::track, LevelMetrics::rocAucMacro));

    private ComparisonTable() {
    }

    static String html(List<ModelEvaluation> evaluations) {
        StringBuilder html = new StringBuilder();
        html.append("<table class=\"metrics comparison\"><thead>")
                .append("<tr><th rowspan=\"2\">model</th><th rowspan=\"2\">kind</th>")
                .append("<th colspan=\"2\" class=\"group\">accuracy</th>")
                .append("<th colspan=\"2\" class=\"group\">macro F1</th>")
                .append("<th colspan=\"2\" class=\"group\">macro ROC AUC</th></tr><tr>");
        for (int i = 0; i < COLUMNS.size(); i++) {
            html.append("<th class=\"num\">").append(COLUMNS.get(i).level()).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (int model = 0; model < evaluations.size(); model++) {
            ModelEvaluation evaluation = evaluations.get(model);
            html.append("<tr data-model=\"").append(Html.text(evaluation.model().name()))
                    .append("\"><th scope=\"row\"><a href=\"#model-").append(model + 1).append("\">")
                    .append(Html.text(evaluation.model().name())).append("</a></th><td>")
                    .append(Html.text(evaluation.model().kind())).append("</td>");
            for (Column column : COLUMNS) {
                Double value = column.value().apply(column.metrics().apply(evaluation));
                boolean best = value != null && value.equals(best(evaluations, column));
                html.append(Html.metricCell(column.level() + "." + column.metric(), value, best ? "num best" : "num"));
            }
            html.append("</tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    private static Double best(List<ModelEvaluation> evaluations, Column column) {
        Double best = null;
        for (ModelEvaluation evaluation : evaluations) {
            Double value = column.value().apply(column.metrics().apply(evaluation));
            if (value != null && (best == null || value > best)) {
                best = value;
            }
        }
        return best;
    }
}
