package dev.audiopipeline.training.report;

import dev.audiopipeline.training.evaluation.LevelMetrics;
import dev.audiopipeline.training.evaluation.ModelEvaluation;

/** One model's headline metrics at the three levels, one row each. */
final class LevelTable {
    private LevelTable() {
    }

    static String html(ModelEvaluation evaluation) {
        StringBuilder html = new StringBuilder();
        html.append("<table class=\"metrics levels\"><thead><tr><th>level</th><th class=\"num\">examples</th>")
                .append("<th class=\"num\">accuracy</th><th class=\"num\">macro F1</th>")
                .append("<th class=\"num\">macro ROC AUC</th><th class=\"num\">macro PR-AUC</th>")
                .append("<th class=\"num\">top-2 accuracy</th><th class=\"num\" title=\"expected calibration error,")
                .append(" 10 bins\">ECE</th></tr></thead><tbody>");
        row(html, "segment", "segments", evaluation.segment());
        row(html, "track", "tracks, mean probability", evaluation.track());
        row(html, "track_vote", "tracks, majority vote", evaluation.trackVote());
        return html.append("</tbody></table>").toString();
    }

    private static void row(StringBuilder html, String key, String title, LevelMetrics metrics) {
        html.append("<tr><th scope=\"row\">").append(title).append("</th><td class=\"num\">")
                .append(metrics.examples()).append("</td>")
                .append(Html.metricCell(key + ".accuracy", metrics.accuracy(), "num"))
                .append(Html.metricCell(key + ".macro_f1", metrics.macroF1(), "num"))
                .append(Html.metricCell(key + ".roc_auc.macro", metrics.rocAucMacro(), "num"))
                .append(Html.metricCell(key + ".pr_auc.macro", metrics.prAucMacro(), "num"))
                .append(Html.metricCell(key + ".top2_accuracy", metrics.top2Accuracy(), "num"))
                .append(Html.metricCell(key + ".ece", metrics.ece(), "num"))
                .append("</tr>");
    }
}
