package dev.audiopipeline.training.report;

import java.util.Locale;

/**
 * Escaping and number formatting for the report's HTML. Every string that comes from data goes through
 * {@link #text}.
 */
final class Html {
    private Html() {
    }

    /** {@code value} safe as element text and as a double-quoted attribute value: & < > " ' escaped. */
    static String text(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Three decimals, or an em dash for an undefined value. */
    static String number(Double value) {
        return value == null ? "&mdash;" : String.format(Locale.ROOT, "%.3f", value);
    }

    /**
     * A table cell showing {@code value} to three decimals that also carries the exact value and what it is
     * ({@code data-metric}, {@code data-value}: Java's shortest repr, as in metrics.json), so that a test can check
     * the page against metrics.json.
     */
    static String metricCell(String metric, Double value, String cssClass) {
        String exact = value == null ? "null" : Double.toString(value);
        return "<td class=\"" + cssClass + "\" data-metric=\"" + text(metric) + "\" data-value=\"" + exact + "\">"
                + number(value) + "</td>";
    }
}
