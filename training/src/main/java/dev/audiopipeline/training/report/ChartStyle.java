package dev.audiopipeline.training.report;

import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.style.AxesChartStyler;

/** The look every chart of the report shares: sizes, fonts, colours. */
final class ChartStyle {
    static final int WIDTH = 640;
    static final int HEIGHT = 460;

    static final Color INK = new Color(0x1f, 0x29, 0x37);
    static final Color MUTED = new Color(0x6b, 0x72, 0x80);
    static final Color GRID = new Color(0xe5, 0xe7, 0xeb);
    /** A qualitative palette (Tableau 10) for one series per label, repeated past ten. */
    private static final Color[] SERIES = {
        new Color(0x4e79a7), new Color(0xf28e2b), new Color(0xe15759), new Color(0x76b7b2), new Color(0x59a14f),
        new Color(0xedc948), new Color(0xb07aa1), new Color(0xff9da7), new Color(0x9c755f), new Color(0xbab0ac),
    };

    private ChartStyle() {
    }

    static Color seriesColor(int index) {
        return SERIES[index % SERIES.length];
    }

    static Font font(int size) {
        return new Font(Font.SANS_SERIF, Font.PLAIN, size);
    }

    static Font bold(int size) {
        return new Font(Font.SANS_SERIF, Font.BOLD, size);
    }

    /** White, borderless, light grid, the report's fonts and colours; each chart places its own legend. */
    static void apply(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setPlotGridLinesColor(GRID);
        styler.setChartFontColor(INK);
        styler.setChartTitleVisible(false);
        styler.setChartPadding(12);
        styler.setAxisTickLabelsFont(font(12));
        styler.setAxisTickLabelsColor(INK);
        styler.setAxisTickMarksColor(MUTED);
        styler.setAxisTitleFont(bold(13));
        styler.setLegendFont(font(12));
        styler.setLegendBorderColor(GRID);
        styler.setLegendBackgroundColor(new Color(255, 255, 255, 230));
        styler.setToolTipsEnabled(false);
        styler.setAntiAlias(true);
        Color[] colors = new Color[SERIES.length];
        for (int i = 0; i < colors.length; i++) {
            colors[i] = seriesColor(i);
        }
        styler.setSeriesColors(colors);
    }
}
