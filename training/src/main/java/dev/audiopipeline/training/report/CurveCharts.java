package dev.audiopipeline.training.report;

import dev.audiopipeline.training.evaluation.BinaryCurves;
import dev.audiopipeline.training.evaluation.CurvePoints;
import dev.audiopipeline.training.evaluation.LevelMetrics;
import java.awt.BasicStroke;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One-vs-rest ROC and precision-recall curves, one line per label with its area in the legend. Labels whose curve
 * is undefined (absent from the truth) are left out; the page says which. Curves are drawn from at most
 * {@link #MAX_POINTS} points each (corners kept first), which keeps the page small whatever the test set's size.
 */
final class CurveCharts {
    static final int MAX_POINTS = 400;

    private CurveCharts() {
    }

    static XYChart roc(LevelMetrics metrics) {
        XYChart chart = unitSquare("false positive rate", "true positive rate");
        XYSeries chance = chart.addSeries("chance", new double[] {0, 1}, new double[] {0, 1});
        chance.setMarker(SeriesMarkers.NONE);
        chance.setLineColor(ChartStyle.MUTED);
        chance.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {4f, 4f}, 0f));
        chance.setShowInLegend(false);
        for (int label = 0; label < metrics.labels().size(); label++) {
            BinaryCurves curves = metrics.curves().get(label);
            if (curves.hasRoc()) {
                line(chart, label, metrics.labels().name(label) + " (AUC " + format(curves.rocAuc()) + ")",
                        curves.roc());
            }
        }
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        return chart;
    }

    static XYChart precisionRecall(LevelMetrics metrics) {
        XYChart chart = unitSquare("recall", "precision");
        for (int label = 0; label < metrics.labels().size(); label++) {
            BinaryCurves curves = metrics.curves().get(label);
            if (curves.hasPrecisionRecall()) {
                line(chart, label, metrics.labels().name(label) + " (AP " + format(curves.averagePrecision()) + ")",
                        curves.precisionRecall());
            }
        }
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
        return chart;
    }

    private static XYChart unitSquare(String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        XYStyler styler = chart.getStyler();
        ChartStyle.apply(styler);
        styler.setXAxisMin(0.0);
        styler.setXAxisMax(1.0);
        styler.setYAxisMin(0.0);
        styler.setYAxisMax(1.0);
        styler.setXAxisDecimalPattern("0.0");
        styler.setYAxisDecimalPattern("0.0");
        styler.setMarkerSize(0);
        return chart;
    }

    private static void line(XYChart chart, int label, String name, CurvePoints points) {
        CurvePoints drawn = points.withoutCollinear().thinnedTo(MAX_POINTS);
        XYSeries series = chart.addSeries(name, drawn.x(), drawn.y());
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(ChartStyle.seriesColor(label));
        series.setLineWidth(2f);
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
