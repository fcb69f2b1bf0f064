package dev.audiopipeline.training.report;

import static dev.audiopipeline.training.report.DevToolsSession.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.audiopipeline.pipeline.testing.TestScratch;
import dev.audiopipeline.training.evaluation.SyntheticPredictions;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code report.html} opened in real headless Chromium (Debian's {@code chromium}; the test fails without it):
 * every chart is rendered, nothing is logged as an error, nothing is fetched from outside the file, and the track
 * named like an XSS payload shows as text and runs nothing. Driven through the DevTools protocol, no WebDriver.
 */
class HtmlReportIT {
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);
    /** What Chromium reports as errors: console.error/assert, uncaught exceptions, its own error log entries. */
    private static final String[] ERROR_EVENTS = {"Runtime.consoleAPICalled", "Runtime.exceptionThrown",
        "Log.entryAdded"};

    @Test
    void theReportRendersEveryChartLogsNoErrorAndRunsNoInjectedScript() throws Exception {
        Path folder = TestScratch.newDirectory("report-it");
        Path report = folder.resolve("report.html");
        try (OutputStream out = Files.newOutputStream(report)) {
            HtmlReport.write(List.of(ReportFixtures.network("lstm", 60, 1.2, 21),
                    ReportFixtures.baseline("rf", 60, 0.9, 22)), out);
        }
        String reportUrl = report.toUri().toString();

        try (HeadlessChromium chromium = HeadlessChromium.start(Files.createDirectory(folder.resolve("profile")));
             DevToolsSession page = chromium.firstPage()) {
            page.send("Runtime.enable");
            page.send("Log.enable");
            page.send("Network.enable");
            page.send("Page.enable");
            // Counts any alert/confirm/prompt instead of blocking the page on a dialog.
            page.send("Page.addScriptToEvaluateOnNewDocument", params().put("source",
                    "window.__dialogs = 0; window.alert = window.confirm = window.prompt ="
                            + " function () { window.__dialogs++; };"));
            page.clearEvents();

            page.send("Page.navigate", params().put("url", reportUrl));
            page.awaitEvent("Page.loadEventFired", LOAD_TIMEOUT);

            assertThat(renderedCharts(page)).containsExactly(
                    "model-1-confusion", "model-1-confusion-normalised", "model-1-per-class", "model-1-roc",
                    "model-1-pr", "model-1-loss", "model-1-accuracy",
                    "model-2-confusion", "model-2-confusion-normalised", "model-2-per-class", "model-2-roc",
                    "model-2-pr");
            assertThat(page.evaluate("window.__dialogs").asInt()).as("alert() calls").isZero();
            assertThat(page.evaluate("document.images.length + document.querySelectorAll('[onerror]').length")
                    .asInt()).as("img elements or onerror attributes").isZero();
            assertThat(page.evaluate("document.body.innerText.includes(" + jsString(SyntheticPredictions.XSS_PATH)
                    + ")").asBoolean()).as("the payload shown as text").isTrue();
            assertThat(page.evaluate("document.body.innerText.includes(" + jsString(SyntheticPredictions.MARKUP_LABEL)
                    + ")").asBoolean()).as("the label with markup shown as text").isTrue();
            assertThat(page.evaluate("document.body.innerText.includes('rf models are not trained in epochs')")
                    .asBoolean()).isTrue();
            assertThat(page.events(ERROR_EVENTS).stream().filter(HtmlReportIT::isError).toList())
                    .as("console errors").isEmpty();
            // The page itself, then only what it holds inline (XChart puts small PNGs in its SVGs as data: URIs).
            List<String> loaded = page.events("Network.requestWillBeSent").stream()
                    .map(event -> event.at("/params/request/url").asText()).toList();
            assertThat(loaded.get(0)).isEqualTo(reportUrl);
            assertThat(loaded.subList(1, loaded.size())).as("everything else the page loaded")
                    .allMatch(url -> url.startsWith("data:image/png;base64,"));
            assertThat(page.events("Page.javascriptDialogOpening")).isEmpty();

            // The error check itself: a page that logs an error is caught.
            page.clearEvents();
            page.send("Page.navigate", params().put("url",
                    "data:text/html,<script>console.error('probe')</script>"));
            page.awaitEvent("Page.loadEventFired", LOAD_TIMEOUT);
            assertThat(page.events(ERROR_EVENTS).stream().filter(HtmlReportIT::isError).toList()).isNotEmpty();
        }
    }

    /** Ids of the chart SVGs laid out with a nonzero box and drawn paths. */
    private static List<String> renderedCharts(DevToolsSession page) throws InterruptedException {
        JsonNode charts = page.evaluate("[...document.querySelectorAll('svg')].map(svg => {"
                + " const box = svg.getBoundingClientRect();"
                + " return {id: svg.id, width: box.width, height: box.height,"
                + " paths: svg.querySelectorAll('path, rect').length}; })");
        List<String> rendered = new ArrayList<>();
        for (JsonNode chart : charts) {
            assertThat(chart.get("width").asDouble()).as(chart.get("id").asText() + " width").isGreaterThan(100);
            assertThat(chart.get("height").asDouble()).as(chart.get("id").asText() + " height").isGreaterThan(100);
            assertThat(chart.get("paths").asInt()).as(chart.get("id").asText() + " shapes").isGreaterThan(10);
            rendered.add(chart.get("id").asText());
        }
        return rendered;
    }

    private static boolean isError(JsonNode event) {
        return switch (event.get("method").asText()) {
            case "Runtime.exceptionThrown" -> true;
            case "Runtime.consoleAPICalled" -> List.of("error", "assert").contains(event.at("/params/type").asText());
            case "Log.entryAdded" -> "error".equals(event.at("/params/entry/level").asText());
            default -> false;
        };
    }

    private static String jsString(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
