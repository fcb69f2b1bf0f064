package dev.audiopipeline.training.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.audiopipeline.pipeline.testing.TestScratch;
import dev.audiopipeline.training.evaluation.Evaluator;
import dev.audiopipeline.training.evaluation.MetricsJson;
import dev.audiopipeline.training.evaluation.ModelEvaluation;
import dev.audiopipeline.training.evaluation.ModelIdentity;
import dev.audiopipeline.training.evaluation.SyntheticPredictions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    private static final Pattern SVG = Pattern.compile("<svg id=\"([^\"]+)\".*?</svg>", Pattern.DOTALL);

    private static List<String> svgIds(String html) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = SVG.matcher(html);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    @Test
    void userStringsAreEscapedInThePageAndNeverReachTheChartsAsMarkup() throws Exception {
        String html = HtmlReport.render(List.of(ReportFixtures.network("lstm <b>&</b>", 40, 0.6, 5)));

        assertThat(html).contains("/music/&lt;img src=x onerror=alert(1)&gt;.mp3");
        assertThat(html).contains("r&amp;b &quot;soul&quot; &#39;n&#39; &lt;blues&gt;");
        assertThat(html).contains("lstm &lt;b&gt;&amp;&lt;/b&gt;");
        assertThat(html).doesNotContain("<img").doesNotContain("<blues>").doesNotContain("<b>");
        Matcher svg = SVG.matcher(html);
        while (svg.find()) {
            String chart = svg.group();
            // Well-formed XML: any text XChart wrote is escaped. XChart 3.8.8 draws text as outlines: no <text>.
            DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(chart.getBytes(StandardCharsets.UTF_8)));
            assertThat(chart).doesNotContain("<text").doesNotContain("soul");
        }
    }

    @Test
    void everyChartIsInlineSvgWithIdsUniqueInThePage() {
        String html = HtmlReport.render(List.of(ReportFixtures.network("lstm", 40, 1.0, 5),
                ReportFixtures.baseline("rf", 40, 0.8, 6)));

        assertThat(svgIds(html)).containsExactly(
                "model-1-confusion", "model-1-confusion-normalised", "model-1-per-class", "model-1-roc", "model-1-pr",
                "model-1-loss", "model-1-accuracy",
                "model-2-confusion", "model-2-confusion-normalised", "model-2-per-class", "model-2-roc", "model-2-pr");
        Matcher ids = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        Set<String> seen = new HashSet<>();
        while (ids.find()) {
            assertThat(seen.add(ids.group(1))).as("id %s once", ids.group(1)).isTrue();
        }
        assertThat(html).doesNotContain("<script").doesNotContain("<?xml").doesNotContain("<!DOCTYPE svg")
                .doesNotContain("http://www.w3.org/Graphics/SVG/1.1/DTD");
        assertThat(html).contains("rf models are not trained in epochs");
    }

    @Test
    void theNumbersShownAreTheNumbersOfMetricsJson() throws IOException {
        ModelEvaluation evaluation = ReportFixtures.network("lstm", 60, 0.8, 9);
        String html = HtmlReport.render(List.of(evaluation));
        java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream();
        MetricsJson.write(evaluation, json);
        JsonNode metrics = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toByteArray());

        int checked = ReportedMetrics.assertShownAsIn(html, metrics);
        // 3 levels x 6 headline metrics, 3 levels x 4 labels x 5 per-label metrics.
        assertThat(checked).isEqualTo(18 + 60);
    }

    @Test
    void severalModelsGetAComparisonTableWithTheBestMarked() {
        ModelEvaluation strong = ReportFixtures.network("strong", 40, 2.5, 1);
        ModelEvaluation weak = ReportFixtures.baseline("weak", 40, 0.2, 2);

        String html = HtmlReport.render(List.of(weak, strong));

        assertThat(html).contains("<section id=\"comparison\">");
        String strongRow = html.substring(html.indexOf("<tr data-model=\"strong\">"));
        strongRow = strongRow.substring(0, strongRow.indexOf("</tr>"));
        assertThat(strongRow).contains("data-metric=\"track.accuracy\" data-value=\""
                + strong.track().accuracy() + "\"");
        assertThat(strongRow.split("num best", -1)).hasSize(7);
        assertThat(HtmlReport.render(List.of(strong))).doesNotContain("id=\"comparison\"");
    }

    @Test
    void modelsOnOtherFeaturesOrWithTheSameNameAreRefused() {
        ModelEvaluation model = ReportFixtures.baseline("rf", 12, 1, 1);
        ModelEvaluation otherFeatures = Evaluator.evaluate(new ModelIdentity("cnn", "cnn", "0000"),
                SyntheticPredictions.LABELS, SyntheticPredictions.segments(12, 1, 1), List.of());

        assertThatThrownBy(() -> HtmlReport.render(List.of(model, otherFeatures)))
                .hasMessageContaining("[0000, " + ReportFixtures.HASH + "]");
        assertThatThrownBy(() -> HtmlReport.render(List.of(model, model))).hasMessageContaining("'rf'");
        assertThatThrownBy(() -> HtmlReport.render(List.of())).hasMessageContaining("at least one");
    }

    @Test
    void misclassifiedTracksAreCappedAndTheRestCounted() {
        ModelEvaluation evaluation = ReportFixtures.baseline("chance", 200, 0.0, 3);
        long wrong = evaluation.tracks().stream().filter(t -> !t.predictedLabel().equals(t.label())).count();

        String html = HtmlReport.render(List.of(evaluation));

        assertThat(wrong).isGreaterThan(MisclassifiedTracks.LIMIT);
        assertThat(html).contains("and " + (wrong - MisclassifiedTracks.LIMIT) + " more misclassified tracks (all "
                + wrong + " are in predictions.csv)");
        assertThat(html.split("<ol class=\"top\">", -1)).hasSize(MisclassifiedTracks.LIMIT + 1);
    }

    /** Leaves a sample report in the scratch folder (target/test-scratch/report-sample-*) to look at. */
    @Test
    void writesAFileThatStartsAsHtml() throws IOException {
        Path file = TestScratch.newDirectory("report-sample").resolve("report.html");
        try (var out = Files.newOutputStream(file)) {
            HtmlReport.write(List.of(ReportFixtures.network("lstm", 80, 1.2, 4),
                    ReportFixtures.baseline("rf", 80, 0.9, 4)), out);
        }

        assertThat(Files.readString(file)).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    }
}
