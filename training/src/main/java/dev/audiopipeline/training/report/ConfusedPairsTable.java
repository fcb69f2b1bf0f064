package dev.audiopipeline.training.report;

import dev.audiopipeline.training.evaluation.ConfusedPair;
import dev.audiopipeline.training.evaluation.ConfusedPairs;
import dev.audiopipeline.training.evaluation.ConfusionMatrix;
import java.util.List;

/** The label pairs a model mixes up most, largest first. */
final class ConfusedPairsTable {
    static final int LIMIT = 10;

    private ConfusedPairsTable() {
    }

    static String html(ConfusionMatrix matrix, String examples) {
        List<ConfusedPair> pairs = ConfusedPairs.mostConfused(matrix, LIMIT);
        if (pairs.isEmpty()) {
            return "<p class=\"note\">No " + examples + " were confused: the matrix is diagonal.</p>";
        }
        StringBuilder html = new StringBuilder();
        html.append("<table class=\"metrics\"><thead><tr><th>true label</th><th></th><th>predicted as</th>")
                .append("<th class=\"num\">").append(examples).append("</th>")
                .append("<th class=\"num\">share of the true label</th></tr></thead><tbody>");
        for (ConfusedPair pair : pairs) {
            html.append("<tr><td class=\"label\">").append(Html.text(pair.actual()))
                    .append("</td><td class=\"arrow\">&rarr;</td><td class=\"label\">")
                    .append(Html.text(pair.predicted())).append("</td><td class=\"num\">").append(pair.count())
                    .append("</td><td class=\"num\"><span class=\"bar\" style=\"width:")
                    .append(Math.round(pair.shareOfActual() * 100)).append("%\"></span>")
                    .append(Math.round(pair.shareOfActual() * 100)).append("%</td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }
}
