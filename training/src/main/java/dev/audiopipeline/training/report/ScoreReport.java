package dev.audiopipeline.training.report;

import dev.audiopipeline.training.prediction.Labels;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;

/**
 * {@code report.html} of {@code score}: one self-contained page (no script, nothing fetched). A small run shows
 * each track's per-label confidence bars (seed 003's chart); every run shows the predicted-label histogram, the
 * confidence distribution and, where files carry tags that map to labels, the tag-versus-prediction matrix. Every
 * path, label and tag is escaped.
 */
public final class ScoreReport {
    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final int CONFIDENCE_BINS = 10;

    private ScoreReport() {
    }

    /** One scored track as the page shows it. */
    public record Track(String path, String predicted, double confidence, boolean uncertain, String existing,
                        String tagSource, double[] scores) {}

    /**
     * @param tracks the tracks whose bars are drawn (the first ones of a large run)
     * @param allTracks whether {@code tracks} is the whole run (then each gets its bars)
     * @param summary {@code _summary.json}'s content
     * @param confidences every track's confidence (or a large sample)
     * @param tagVersusPrediction tracks by mapped tag, then by predicted label
     */
    public static void write(String model, Labels labels, List<Track> tracks, boolean allTracks,
                             Map<String, Object> summary, List<Double> confidences,
                             Map<String, Map<String, Long>> tagVersusPrediction, OutputStream out) throws IOException {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'; img-src data:\">")
                .append("<title>Scores: ").append(Html.text(model)).append("</title><style>")
                .append(HtmlReport.css()).append("</style></head><body><main><header><h1>Library scores</h1>")
                .append("<p class=\"meta\">model ").append(Html.text(model)).append(" &middot; labels ")
                .append(Html.text(String.join(", ", labels.names()))).append("</p></header>");
        html.append("<section><h2>Summary</h2><table><tbody>");
        for (String key : List.of("tracks_scored", "files_rejected", "segments", "uncertain", "tagged_with_a_label",
                "agreement", "relabel", "seconds_per_track")) {
            Object value = summary.get(key);
            html.append("<tr><th>").append(Html.text(key.replace('_', ' '))).append("</th><td data-metric=\"")
                    .append(key).append("\">").append(value instanceof Double d ? Html.number(d)
                            : Html.text(String.valueOf(value))).append("</td></tr>");
        }
        html.append("</tbody></table></section>");
        @SuppressWarnings("unchecked")
        Map<String, Long> histogram = (Map<String, Long>) summary.get("label_histogram");
        html.append("<section><h2>Predicted labels</h2>")
                .append(SvgRenderer.inline(histogram(labels, histogram), "label-histogram")).append("</section>");
        html.append("<section><h2>Confidence</h2>")
                .append(SvgRenderer.inline(confidenceChart(confidences), "confidence-histogram")).append("</section>");
        if (!tagVersusPrediction.isEmpty()) {
            html.append("<section><h2>Existing tag against prediction</h2>")
                    .append(SvgRenderer.inline(tagMatrix(labels, tagVersusPrediction), "tag-versus-prediction"))
                    .append("</section>");
        }
        if (allTracks && !tracks.isEmpty()) {
            html.append("<section><h2>Tracks</h2>");
            for (int i = 0; i < tracks.size(); i++) {
                Track track = tracks.get(i);
                html.append("<article class=\"track\"><h3>").append(Html.text(track.path())).append("</h3>")
                        .append("<p class=\"meta\">predicted <strong>").append(Html.text(track.predicted()))
                        .append("</strong> (").append(String.format(Locale.ROOT, "%.3f", track.confidence()))
                        .append(track.uncertain() ? ", uncertain" : "").append(")")
                        .append(track.existing() == null ? " &middot; untagged" : " &middot; tagged "
                                + Html.text(track.existing()) + " (" + Html.text(track.tagSource()) + ")")
                        .append("</p>").append(SvgRenderer.inline(trackBars(labels, track), "track-" + i))
                        .append("</article>");
            }
            html.append("</section>");
        }
        html.append("</main></body></html>\n");
        out.write(html.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static CategoryChart bars(String yTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT * 3 / 4)
                .yAxisTitle(yTitle).build();
        CategoryStyler styler = chart.getStyler();
        ChartStyle.apply(styler);
        styler.setLegendVisible(false);
        styler.setSeriesColors(new Color[] {ChartStyle.seriesColor(0)});
        styler.setAvailableSpaceFill(0.7);
        return chart;
    }

    private static CategoryChart trackBars(Labels labels, Track track) {
        CategoryChart chart = bars("confidence");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setXAxisLabelRotation(labels.size() > 5 ? 30 : 0);
        List<Double> scores = new ArrayList<>();
        for (double score : track.scores()) {
            scores.add(score);
        }
        chart.addSeries("confidence", labels.names(), scores);
        return chart;
    }

    private static CategoryChart histogram(Labels labels, Map<String, Long> counts) {
        CategoryChart chart = bars("tracks");
        chart.getStyler().setXAxisLabelRotation(labels.size() > 5 ? 30 : 0);
        chart.getStyler().setYAxisMin(0.0);
        List<Long> values = new ArrayList<>();
        for (String label : labels.names()) {
            values.add(counts.getOrDefault(label, 0L));
        }
        chart.addSeries("tracks", labels.names(), values);
        return chart;
    }

    private static CategoryChart confidenceChart(List<Double> confidences) {
        CategoryChart chart = bars("tracks");
        chart.getStyler().setXAxisLabelRotation(30);
        chart.getStyler().setYAxisMin(0.0);
        List<String> bins = new ArrayList<>();
        long[] counts = new long[CONFIDENCE_BINS];
        for (int b = 0; b < CONFIDENCE_BINS; b++) {
            bins.add(String.format(Locale.ROOT, "%.1f-%.1f", b / (double) CONFIDENCE_BINS,
                    (b + 1) / (double) CONFIDENCE_BINS));
        }
        for (double confidence : confidences) {
            counts[Math.min(CONFIDENCE_BINS - 1, (int) (confidence * CONFIDENCE_BINS))]++;
        }
        List<Long> values = new ArrayList<>();
        for (long count : counts) {
            values.add(count);
        }
        chart.addSeries("tracks", bins, values);
        return chart;
    }

    private static HeatMapChart tagMatrix(Labels labels, Map<String, Map<String, Long>> counts) {
        List<String> tags = new ArrayList<>(new TreeSet<>(counts.keySet()));
        List<String> predicted = labels.names();
        HeatMapChart chart = new HeatMapChartBuilder().width(Math.max(ChartStyle.WIDTH, 160 + 52 * predicted.size()))
                .height(Math.max(ChartStyle.HEIGHT, 140 + 52 * tags.size()))
                .xAxisTitle("predicted label").yAxisTitle("tag").build();
        HeatMapStyler styler = chart.getStyler();
        ChartStyle.apply(styler);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setPlotGridLinesVisible(false);
        styler.setRangeColors(new Color[] {new Color(0xf7fbff), new Color(0xc6dbef), new Color(0x6baed6)});
        styler.setShowValue(true);
        styler.setValueFontColor(ChartStyle.INK);
        styler.setHeatMapValueDecimalPattern("#");
        styler.setXAxisLabelRotation(predicted.size() > 4 ? 35 : 0);
        long max = 1;
        List<Number[]> cells = new ArrayList<>();
        for (int t = 0; t < tags.size(); t++) {
            Map<String, Long> row = new TreeMap<>(counts.get(tags.get(t)));
            for (int p = 0; p < predicted.size(); p++) {
                long count = row.getOrDefault(predicted.get(p), 0L);
                max = Math.max(max, count);
                cells.add(new Number[] {p, t, count});
            }
        }
        styler.setMin(0);
        styler.setMax(max);
        chart.addSeries("tracks", predicted, tags, cells).setMin(0).setMax(max);
        return chart;
    }
}
