package dev.audiopipeline.training.report;

import dev.audiopipeline.training.evaluation.ConfusionMatrix;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.HeatMapStyler;

/**
 * The confusion matrix as heat maps: true labels down the side (the model's first label at the top), predicted
 * labels along the bottom, each cell showing its value.
 */
final class ConfusionHeatMaps {
    /** Light to mid blue, so that the dark cell values stay readable on every cell. */
    private static final Color[] SCALE = {new Color(0xf7fbff), new Color(0xc6dbef), new Color(0x6baed6)};

    private ConfusionHeatMaps() {
    }

    /** Counts, coloured from 0 to the largest cell. */
    static HeatMapChart counts(ConfusionMatrix matrix) {
        long max = 1;
        for (long[] row : matrix.counts()) {
            for (long count : row) {
                max = Math.max(max, count);
            }
        }
        double[][] values = new double[matrix.counts().length][];
        for (int actual = 0; actual < values.length; actual++) {
            values[actual] = new double[values.length];
            for (int predicted = 0; predicted < values.length; predicted++) {
                values[actual][predicted] = matrix.count(actual, predicted);
            }
        }
        return heatMap(matrix, values, max, "#");
    }

    /** Each true label's row as shares of its examples, coloured from 0 to 1. */
    static HeatMapChart rowNormalised(ConfusionMatrix matrix) {
        return heatMap(matrix, matrix.rowNormalised(), 1.0, "0.00");
    }

    private static HeatMapChart heatMap(ConfusionMatrix matrix, double[][] values, double max, String pattern) {
        List<String> names = matrix.labels().names();
        int size = names.size();
        int side = Math.max(ChartStyle.HEIGHT, 140 + 52 * size);
        HeatMapChart chart = new HeatMapChartBuilder().width(side + 120).height(side)
                .xAxisTitle("predicted label").yAxisTitle("true label").build();
        HeatMapStyler styler = chart.getStyler();
        ChartStyle.apply(styler);
        styler.setLegendPosition(HeatMapStyler.LegendPosition.OutsideE);
        styler.setLegendFont(ChartStyle.font(11));
        styler.setPlotGridLinesVisible(false);
        styler.setRangeColors(SCALE);
        styler.setShowValue(true);
        styler.setValueFont(ChartStyle.bold(size > 12 ? 9 : 12));
        styler.setValueFontColor(ChartStyle.INK);
        styler.setHeatMapValueDecimalPattern(pattern);
        styler.setDrawBorder(true);
        int longest = names.stream().mapToInt(String::length).max().orElse(0);
        styler.setXAxisLabelRotation(size > 4 || longest > 8 ? 35 : 0);
        styler.setMin(0);
        styler.setMax(max);

        List<String> topToBottom = new ArrayList<>(names.size());
        for (int i = size - 1; i >= 0; i--) {
            topToBottom.add(names.get(i));
        }
        List<Number[]> cells = new ArrayList<>();
        for (int actual = 0; actual < size; actual++) {
            for (int predicted = 0; predicted < size; predicted++) {
                cells.add(new Number[] {predicted, size - 1 - actual, values[actual][predicted]});
            }
        }
        chart.addSeries("examples", names, topToBottom, cells).setMin(0).setMax(max);
        return chart;
    }
}
