package dev.audiopipeline.training.report;

import dev.audiopipeline.training.evaluation.ModelEvaluation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code report.html} of {@code evaluate}: one self-contained page (inline CSS, charts as inline SVG, no script,
 * nothing fetched; its Content-Security-Policy forbids scripts and every other source) for one or several models
 * evaluated on the same features. Several models get a comparison table first. Every string from data is
 * HTML-escaped.
 *
 * <p>Charts are drawn by XChart through Java2D; {@code java.awt.headless} is set to {@code true} here unless the JVM
 * was started with a value, so no display is needed.
 */
public final class HtmlReport {
    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final String CSS = resource("report.css");

    private HtmlReport() {
    }

    /**
     * @param evaluations at least one, with distinct model names and the same feature-settings hash
     * @throws IllegalArgumentException when the models were evaluated on different feature settings or share a name
     */
    public static void write(List<ModelEvaluation> evaluations, OutputStream out) throws IOException {
        out.write(render(evaluations).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    public static String render(List<ModelEvaluation> evaluations) {
        check(evaluations);
        ModelEvaluation first = evaluations.get(0);
        StringBuilder html = new StringBuilder(256 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'; img-src data:\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Evaluation: ").append(Html.text(names(evaluations))).append("</title>")
                .append("<style>").append(CSS).append("</style></head><body><main>")
                .append("<header><h1>Evaluation report</h1><p class=\"meta\">")
                .append(evaluations.size() == 1 ? "model " + Html.text(first.model().name())
                        : evaluations.size() + " models")
                .append(" &middot; ").append(first.tracksEvaluated()).append(" tracks &middot; labels: ")
                .append(labelList(first)).append("</p>");
        if (evaluations.size() > 1) {
            html.append("<nav>");
            for (int i = 0; i < evaluations.size(); i++) {
                html.append("<a href=\"#model-").append(i + 1).append("\">")
                        .append(Html.text(evaluations.get(i).model().name())).append("</a>");
            }
            html.append("</nav>");
        }
        html.append("</header>");
        if (evaluations.size() > 1) {
            html.append("<section id=\"comparison\"><h2>Comparison</h2>")
                    .append("<p class=\"meta\">The same features for every model; best value of each column in bold.")
                    .append(" Track: by mean probability.</p>")
                    .append(ComparisonTable.html(evaluations)).append("</section>");
        }
        for (int i = 0; i < evaluations.size(); i++) {
            html.append(ModelSection.html(evaluations.get(i), i + 1));
        }
        return html.append(footer()).append("</main></body></html>\n").toString();
    }

    private static void check(List<ModelEvaluation> evaluations) {
        if (evaluations.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one evaluated model");
        }
        Set<String> hashes = new TreeSet<>();
        Set<String> names = new HashSet<>();
        for (ModelEvaluation evaluation : evaluations) {
            hashes.add(evaluation.model().featureSettingsHash());
            if (!names.add(evaluation.model().name())) {
                throw new IllegalArgumentException("two models are named '" + evaluation.model().name()
                        + "': a report needs distinct names");
            }
        }
        if (hashes.size() > 1) {
            throw new IllegalArgumentException("models compared in one report must use the same features; their"
                    + " feature-settings hashes differ: " + hashes);
        }
    }

    private static String names(List<ModelEvaluation> evaluations) {
        return String.join(", ", evaluations.stream().map(e -> e.model().name()).toList());
    }

    private static String labelList(ModelEvaluation evaluation) {
        StringBuilder list = new StringBuilder();
        for (String label : evaluation.labels().names()) {
            list.append(list.length() == 0 ? "" : ", ").append("<span class=\"label\">").append(Html.text(label))
                    .append("</span>");
        }
        return list.toString();
    }

    private static String footer() {
        return "<footer><h2>How to read this</h2><dl>"
                + "<dt>segment, track, vote</dt><dd>Segment metrics score every segment on its own. A track's"
                + " prediction is the mean of its segments' probabilities (the product's default); the majority vote"
                + " counts each segment's most probable label, equal votes going to the higher mean probability,"
                + " then to the label listed first.</dd>"
                + "<dt>macro F1</dt><dd>The mean F1 over the labels present in the truth or the predictions"
                + " (scikit-learn's <code>f1_score(average='macro')</code>); a label never predicted has"
                + " precision 0.</dd>"
                + "<dt>ROC AUC, PR-AUC</dt><dd>Each label against the rest, scored by its probability (its vote"
                + " share for the vote); PR-AUC is scikit-learn's average precision. A label absent from the truth"
                + " has neither, and the macro averages are over the labels that have them.</dd>"
                + "<dt>top-2 accuracy</dt><dd>The true label is one of the two best-ranked labels.</dd>"
                + "<dt>ECE</dt><dd>Expected calibration error of the predicted label's probability over 10"
                + " equal-width bins: 0 means a model is right as often as it is confident.</dd>"
                + "</dl><p class=\"meta\">Every number is also in metrics.json; every track's probabilities in"
                + " predictions.csv.</p></footer>";
    }

    /** The reports' shared style sheet. */
    static String css() {
        return CSS;
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the report's " + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
