package dev.audiopipeline.training.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers {@code report.html} shows, checked against {@code metrics.json}: every cell that shows a metric
 * carries its key and exact value ({@code data-metric}, {@code data-value}), which must be metrics.json's.
 */
public final class ReportedMetrics {

    private static final Pattern METRIC = Pattern.compile("data-metric=\"([^\"]+)\" data-value=\"([^\"]+)\"");

    private ReportedMetrics() {}

    /** Asserts every metric cell of {@code html} against {@code metrics}; returns how many cells were checked. */
    public static int assertShownAsIn(String html, JsonNode metrics) {
        Matcher cell = METRIC.matcher(html);
        int checked = 0;
        while (cell.find()) {
            JsonNode expected = jsonValue(metrics, unescape(cell.group(1)));
            assertThat(expected).as(cell.group(1)).isNotNull();
            assertThat(cell.group(2)).as(cell.group(1))
                    .isEqualTo(expected.isNull() ? "null" : Double.toString(expected.asDouble()));
            checked++;
        }
        return checked;
    }

    /** {@code track.per_class.<label>.f1}, {@code segment.roc_auc.per_class.<label>}, {@code track.accuracy}. */
    private static JsonNode jsonValue(JsonNode metrics, String key) {
        int dot = key.indexOf('.');
        JsonNode level = metrics.get(key.substring(0, dot));
        String rest = key.substring(dot + 1);
        if (rest.startsWith("per_class.")) {
            String labelAndField = rest.substring("per_class.".length());
            int last = labelAndField.lastIndexOf('.');
            return level.get("per_class").get(labelAndField.substring(0, last)).get(labelAndField.substring(last + 1));
        }
        for (String curve : List.of("roc_auc", "pr_auc")) {
            if (rest.startsWith(curve + ".per_class.")) {
                return level.get(curve).get("per_class").get(rest.substring((curve + ".per_class.").length()));
            }
            if (rest.equals(curve + ".macro")) {
                return level.get(curve).get("macro");
            }
        }
        return level.get(rest);
    }

    private static String unescape(String attribute) {
        return attribute.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
