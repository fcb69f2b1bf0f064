package dev.audiopipeline.training.report;

import dev.audiopipeline.training.evaluation.ClassMetrics;
import dev.audiopipeline.training.evaluation.LevelMetrics;

/** Every label's precision, recall, F1, support, ROC AUC and average precision at one level. */
final class PerClassTable {
    private PerClassTable() {
    }

    static String html(LevelMetrics metrics, String level) {
        StringBuilder html = new StringBuilder();
        html.append("<table class=\"metrics\"><thead><tr><th>label</th><th class=\"num\">precision</th>")
                .append("<th class=\"num\">recall</th><th class=\"num\">F1</th><th class=\"num\">support</th>")
                .append("<th class=\"num\">ROC AUC</th><th class=\"num\">PR-AUC</th></tr></thead><tbody>");
        for (int label = 0; label < metrics.labels().size(); label++) {
            String name = metrics.labels().name(label);
            String prefix = level + ".per_class." + name + ".";
            ClassMetrics classMetrics = metrics.perClass().get(label);
            html.append("<tr><th scope=\"row\" class=\"label\">").append(Html.text(name)).append("</th>")
                    .append(Html.metricCell(prefix + "precision", classMetrics.precision(), "num"))
                    .append(Html.metricCell(prefix + "recall", classMetrics.recall(), "num"))
                    .append(Html.metricCell(prefix + "f1", classMetrics.f1(), "num"))
                    .append("<td class=\"num\">").append(classMetrics.support()).append("</td>")
                    .append(Html.metricCell(level + ".roc_auc.per_class." + name, metrics.rocAuc().get(label), "num"))
                    .append(Html.metricCell(level + ".pr_auc.per_class." + name, metrics.prAuc().get(label), "num"))
                    .append("</tr>");
        }
        return html.append("</tbody></table>").toString();
    }
}
