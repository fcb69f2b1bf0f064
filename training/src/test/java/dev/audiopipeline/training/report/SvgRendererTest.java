package dev.audiopipeline.training.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

class SvgRendererTest {
    @Test
    void coordinatesAreRoundedToHundredthsOfAPixel() {
        assertThat(SvgRenderer.roundCoordinates("M-9.125,-3.578125 L12.5,0.004 Q-0.0041,7.99999 1.2"))
                .isEqualTo("M-9.13,-3.58 L12.5,0 Q0,8 1.2");
    }

    @Test
    void aChartBecomesOneSvgElementWithPrefixedIdsAndNoDocumentPreamble() {
        XYChart chart = new XYChartBuilder().width(300).height(200).title("t & <u>").build();
        chart.addSeries("a \"b\" <c>", new double[] {0, 1}, new double[] {0, 1});

        String svg = SvgRenderer.inline(chart, "c-1");

        assertThat(svg).startsWith("<svg id=\"c-1\" class=\"chart\"").endsWith("</svg>");
        assertThat(svg).doesNotContain("<?xml").doesNotContain("DOCTYPE").doesNotContain("<u>")
                .doesNotContain("<c>");
        assertThat(svg).contains("id=\"c-1-clip").contains("url(#c-1-clip");
        assertThat(Pattern.compile("\\d\\.\\d{3}").matcher(svg).find()).isFalse();
        assertThatThrownBy(() -> SvgRenderer.inline(chart, "1\" onload=\"x")).hasMessageContaining("not a safe");
    }
}
