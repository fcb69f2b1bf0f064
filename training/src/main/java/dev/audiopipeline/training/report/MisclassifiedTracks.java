package dev.audiopipeline.training.report;

import dev.audiopipeline.training.prediction.LabelScore;
import dev.audiopipeline.training.prediction.TrackPrediction;
import java.util.Comparator;
import java.util.List;

/**
 * The tracks a model got wrong, most confidently wrong first (ties by track id), each with its three best labels;
 * at most {@link #LIMIT}, and how many more there are.
 */
final class MisclassifiedTracks {
    static final int LIMIT = 50;

    private MisclassifiedTracks() {
    }

    static String html(List<TrackPrediction> tracks) {
        List<TrackPrediction> wrong = tracks.stream()
                .filter(track -> !track.predictedLabel().equals(track.label()))
                .sorted(Comparator.comparingDouble(TrackPrediction::confidence).reversed()
                        .thenComparing(TrackPrediction::trackId))
                .toList();
        if (wrong.isEmpty()) {
            return "<p class=\"note\">Every track was classified right.</p>";
        }
        StringBuilder html = new StringBuilder();
        html.append("<table class=\"metrics tracks\"><thead><tr><th>track</th><th>true label</th>")
                .append("<th>top 3 (mean probability)</th></tr></thead><tbody>");
        for (TrackPrediction track : wrong.subList(0, Math.min(LIMIT, wrong.size()))) {
            html.append("<tr><td class=\"path\">").append(Html.text(track.path())).append("</td><td class=\"label\">")
                    .append(Html.text(track.label())).append("</td><td><ol class=\"top\">");
            for (LabelScore entry : track.topK(3)) {
                boolean right = entry.label().equals(track.label());
                html.append("<li").append(right ? " class=\"right\"" : "").append("><span class=\"label\">")
                        .append(Html.text(entry.label())).append("</span> <span class=\"p\">")
                        .append(Html.number(entry.score())).append("</span></li>");
            }
            html.append("</ol></td></tr>");
        }
        html.append("</tbody></table>");
        if (wrong.size() > LIMIT) {
            html.append("<p class=\"note more\">and ").append(wrong.size() - LIMIT)
                    .append(" more misclassified tracks (all ").append(wrong.size())
                    .append(" are in predictions.csv).</p>");
        }
        return html.toString();
    }
}
