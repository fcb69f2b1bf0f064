package dev.audiopipeline.training.report;

import dev.audiopipeline.training.evaluation.LevelMetrics;
import dev.audiopipeline.training.evaluation.ModelEvaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.XYChart;

/**
 * One model's part of the report: headline numbers, the three levels, then charts and tables at track level (mean
 * probability, the product's prediction), training history, confusions and the misclassified tracks.
 */
final class ModelSection {
    private ModelSection() {
    }

    /** @param number the model's 1-based position in the report: its section is {@code model-<number>} */
    static String html(ModelEvaluation evaluation, int number) {
        String id = "model-" + number;
        LevelMetrics track = evaluation.track();
        StringBuilder html = new StringBuilder();
        html.append("<section class=\"model\" id=\"").append(id).append("\" data-model=\"")
                .append(Html.text(evaluation.model().name())).append("\">")
                .append("<h2>").append(Html.text(evaluation.model().name())).append(" <span class=\"kind\">")
                .append(Html.text(evaluation.model().kind())).append("</span></h2>")
                .append("<p class=\"meta\">").append(evaluation.rowsEvaluated()).append(" segments of ")
                .append(evaluation.tracksEvaluated()).append(" tracks &middot; ").append(evaluation.labels().size())
                .append(" labels &middot; feature settings <code>")
                .append(Html.text(evaluation.model().featureSettingsHash())).append("</code></p>");
        cards(html, evaluation);
        html.append(LevelTable.html(evaluation));

        heading(html, "Confusion matrix", "tracks, by mean probability; rows are the true labels");
        html.append("<div class=\"grid\">")
                .append(figure(SvgRenderer.inline(ConfusionHeatMaps.counts(track.confusion()), id + "-confusion"),
                        "Counts"))
                .append(figure(SvgRenderer.inline(ConfusionHeatMaps.rowNormalised(track.confusion()),
                        id + "-confusion-normalised"), "Share of each true label (rows sum to 1)"))
                .append("</div>");

        heading(html, "Precision, recall and F1 per label", "tracks, by mean probability");
        html.append("<div class=\"grid\">")
                .append(figure(SvgRenderer.inline(PerClassBars.of(track), id + "-per-class"), null))
                .append("<div>").append(PerClassTable.html(track, "track")).append("</div></div>");

        heading(html, "ROC and precision-recall curves",
                "each label against the rest, tracks scored by mean probability");
        html.append("<div class=\"grid\">")
                .append(figure(SvgRenderer.inline(CurveCharts.roc(track), id + "-roc"), "ROC, area in the legend"))
                .append(figure(SvgRenderer.inline(CurveCharts.precisionRecall(track), id + "-pr"),
                        "Precision-recall, average precision in the legend"))
                .append("</div>");
        missingCurves(html, track);

        heading(html, "Training history", "loss and accuracy per epoch");
        history(html, evaluation, id);

        heading(html, "Most-confused label pairs", "tracks, by mean probability");
        html.append(ConfusedPairsTable.html(track.confusion(), "tracks"));

        heading(html, "Misclassified tracks", "by mean probability, most confident first");
        html.append(MisclassifiedTracks.html(evaluation.tracks()));

        html.append("<details><summary>Per-label metrics of segments and of the majority vote</summary>")
                .append("<h4>Segments</h4>").append(PerClassTable.html(evaluation.segment(), "segment"))
                .append("<h4>Tracks, majority vote</h4>")
                .append(PerClassTable.html(evaluation.trackVote(), "track_vote"))
                .append("</details>");
        return html.append("</section>").toString();
    }

    private static void cards(StringBuilder html, ModelEvaluation evaluation) {
        html.append("<div class=\"cards\">");
        card(html, "track accuracy", evaluation.track().accuracy(), "mean probability");
        card(html, "track macro F1", evaluation.track().macroF1(), "mean probability");
        card(html, "track macro ROC AUC", evaluation.track().rocAucMacro(), "one label vs the rest");
        card(html, "segment accuracy", evaluation.segment().accuracy(), evaluation.rowsEvaluated() + " segments");
        card(html, "vote accuracy", evaluation.trackVote().accuracy(), "majority vote, as the seeds");
        html.append("</div>");
    }

    private static void card(StringBuilder html, String title, Double value, String note) {
        html.append("<div class=\"card\"><div class=\"card-title\">").append(title)
                .append("</div><div class=\"card-value\">").append(Html.number(value))
                .append("</div><div class=\"card-note\">").append(Html.text(note)).append("</div></div>");
    }

    private static void heading(StringBuilder html, String title, String subtitle) {
        html.append("<h3>").append(title).append(" <small>").append(subtitle).append("</small></h3>");
    }

    private static String figure(String svg, String caption) {
        return "<figure>" + svg + (caption == null ? "" : "<figcaption>" + caption + "</figcaption>") + "</figure>";
    }

    private static void missingCurves(StringBuilder html, LevelMetrics track) {
        List<String> missing = new ArrayList<>();
        for (int label = 0; label < track.labels().size(); label++) {
            if (!track.curves().get(label).hasRoc()) {
                missing.add(Html.text(track.labels().name(label)));
            }
        }
        if (!missing.isEmpty()) {
            html.append("<p class=\"note\">No curve for ").append(String.join(", ", missing))
                    .append(": a label needs tracks of its own and of other labels to have a ROC curve (and tracks")
                    .append(" of its own for precision-recall); its areas are left out of the macro averages.</p>");
        }
    }

    private static void history(StringBuilder html, ModelEvaluation evaluation, String id) {
        Optional<XYChart> loss = LearningCurves.loss(evaluation.history());
        Optional<XYChart> accuracy = LearningCurves.accuracy(evaluation.history());
        if (loss.isEmpty() && accuracy.isEmpty()) {
            html.append("<p class=\"note\">This model has no per-epoch history: ")
                    .append(Html.text(evaluation.model().kind()))
                    .append(" models are not trained in epochs (Spark MLlib), so there are no learning curves.</p>");
            return;
        }
        html.append("<div class=\"grid\">");
        loss.ifPresent(chart -> html.append(figure(SvgRenderer.inline(chart, id + "-loss"), "Loss")));
        accuracy.ifPresent(chart -> html.append(figure(SvgRenderer.inline(chart, id + "-accuracy"), "Accuracy")));
        html.append("</div>");
    }
}
