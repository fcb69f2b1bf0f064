package dev.audiopipeline.training.report;

import dev.audiopipeline.training.evaluation.ClassMetrics;
import dev.audiopipeline.training.evaluation.LevelMetrics;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;

/** Precision, recall and F1 of every label, side by side, on a 0-1 scale. */
final class PerClassBars {
    private PerClassBars() {
    }

    static CategoryChart of(LevelMetrics metrics) {
        List<String> names = metrics.labels().names();
        CategoryChart chart = new CategoryChartBuilder()
                .width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .yAxisTitle("score").build();
        CategoryStyler styler = chart.getStyler();
        ChartStyle.apply(styler);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setSeriesColors(new Color[] {ChartStyle.seriesColor(0), ChartStyle.seriesColor(1),
            ChartStyle.seriesColor(4)});
        styler.setYAxisMin(0.0);
        styler.setYAxisMax(1.0);
        styler.setYAxisDecimalPattern("0.0");
        styler.setAvailableSpaceFill(0.8);
        int longest = names.stream().mapToInt(String::length).max().orElse(0);
        styler.setXAxisLabelRotation(names.size() > 4 || longest > 10 ? 30 : 0);

        List<Double> precision = new ArrayList<>();
        List<Double> recall = new ArrayList<>();
        List<Double> f1 = new ArrayList<>();
        for (ClassMetrics classMetrics : metrics.perClass()) {
            precision.add(classMetrics.precision());
            recall.add(classMetrics.recall());
            f1.add(classMetrics.f1());
        }
        chart.addSeries("precision", names, precision);
        chart.addSeries("recall", names, recall);
        chart.addSeries("F1", names, f1);
        return chart;
    }
}
