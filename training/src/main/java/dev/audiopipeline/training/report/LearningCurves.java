package dev.audiopipeline.training.report;

import dev.audiopipeline.training.trainer.EpochRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Loss and accuracy per epoch, training and validation, from a bundle's history. An epoch's NaN (not measured)
 * leaves that point out; a series with no measured epoch is left out; a chart with no series is not made.
 */
final class LearningCurves {
    private LearningCurves() {
    }

    static Optional<XYChart> loss(List<EpochRecord> history) {
        return chart(history, "loss", EpochRecord::trainLoss, EpochRecord::validationLoss, false);
    }

    static Optional<XYChart> accuracy(List<EpochRecord> history) {
        return chart(history, "accuracy", EpochRecord::trainAccuracy, EpochRecord::validationAccuracy, true);
    }

    private static Optional<XYChart> chart(List<EpochRecord> history, String quantity,
                                           ToDoubleFunction<EpochRecord> train,
                                           ToDoubleFunction<EpochRecord> validation, boolean unitScale) {
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT)
                .xAxisTitle("epoch").yAxisTitle(quantity).build();
        XYStyler styler = chart.getStyler();
        ChartStyle.apply(styler);
        styler.setLegendPosition(unitScale ? Styler.LegendPosition.InsideSE : Styler.LegendPosition.InsideNE);
        styler.setXAxisDecimalPattern("0");
        styler.setYAxisDecimalPattern("0.00");
        boolean any = addSeries(chart, "training " + quantity, history, train, 0);
        any |= addSeries(chart, "validation " + quantity, history, validation, 1);
        return any ? Optional.of(chart) : Optional.empty();
    }

    private static boolean addSeries(XYChart chart, String name, List<EpochRecord> history,
                                     ToDoubleFunction<EpochRecord> value, int color) {
        List<Integer> epochs = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (EpochRecord record : history) {
            double measured = value.applyAsDouble(record);
            if (Double.isFinite(measured)) {
                epochs.add(record.epoch());
                values.add(measured);
            }
        }
        if (epochs.isEmpty()) {
            return false;
        }
        XYSeries series = chart.addSeries(name, epochs, values);
        series.setLineColor(ChartStyle.seriesColor(color));
        series.setMarkerColor(ChartStyle.seriesColor(color));
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setLineWidth(2f);
        return true;
    }
}
