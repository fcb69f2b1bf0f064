package dev.audiopipeline.training.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * An XChart chart as an SVG element to inline in HTML, rendered with Java2D (headless: see {@link HtmlReport}).
 *
 * <p>XChart draws every text (titles, axis labels, legend) as glyph outlines, so no string of the chart reaches the
 * SVG as text; VectorGraphics2D writes the document through the JDK's XML serializer, which escapes whatever
 * text there is. The XML declaration and DOCTYPE are dropped (neither belongs inside HTML), the root gets
 * {@code class="chart"}, and the document's ids ({@code clip...}, for clipping paths) get a per-chart prefix so that
 * the charts of one page never share an id. Coordinates are rounded to 1/100 of a pixel and the indentation
 * dropped: the outlines of every glyph make up most of a chart, and at full float precision a page of charts
 * weighs about 60% more, for no visible difference.
 */
final class SvgRenderer {
    private static final Pattern LONG_DECIMAL = Pattern.compile("-?\\d+\\.\\d{3,}");
    private static final Pattern BETWEEN_TAGS = Pattern.compile(">\\s+<");
    private SvgRenderer() {
    }

    /** @param id the element id, also the prefix of the chart's internal ids: letters, digits, '-' only */
    static String inline(Chart<?, ?> chart, String id) {
        if (!id.matches("[A-Za-z][A-Za-z0-9-]*")) {
            throw new IllegalArgumentException("not a safe element id: " + id);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("XChart could not render chart " + id + " as SVG", e);
        }
        String document = out.toString(StandardCharsets.UTF_8);
        int root = document.indexOf("<svg");
        if (root < 0) {
            throw new IllegalStateException("XChart's SVG for chart " + id + " has no <svg> element");
        }
        String svg = BETWEEN_TAGS.matcher(roundCoordinates(document.substring(root))).replaceAll("><");
        return svg
                .replaceFirst("<svg", "<svg id=\"" + id + "\" class=\"chart\"")
                .replace("id=\"clip", "id=\"" + id + "-clip")
                .replace("url(#clip", "url(#" + id + "-clip")
                .strip();
    }

    /** Every number with more than two decimals rounded to two (half up), trailing zeros dropped. */
    static String roundCoordinates(String svg) {
        Matcher number = LONG_DECIMAL.matcher(svg);
        StringBuilder rounded = new StringBuilder(svg.length());
        while (number.find()) {
            BigDecimal value = new BigDecimal(number.group()).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
            String text = value.signum() == 0 ? "0" : value.toPlainString();
            number.appendReplacement(rounded, text);
        }
        number.appendTail(rounded);
        return rounded.toString();
    }
}
