package dev.audiopipeline.training.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The labels a model mixes up most: the largest off-diagonal cells of a confusion matrix. */
public final class ConfusedPairs {
    private ConfusedPairs() {
    }

    /**
     * At most {@code limit} non-empty off-diagonal cells, largest count first; equal counts by the larger share
     * of the true label, then by label order (true label, then predicted).
     */
    public static List<ConfusedPair> mostConfused(ConfusionMatrix matrix, int limit) {
        record Cell(int actual, int predicted, long count, double share) {
        }
        List<Cell> cells = new ArrayList<>();
        double[][] shares = matrix.rowNormalised();
        int size = matrix.labels().size();
        for (int actual = 0; actual < size; actual++) {
            for (int predicted = 0; predicted < size; predicted++) {
                long count = matrix.count(actual, predicted);
                if (actual != predicted && count > 0) {
                    cells.add(new Cell(actual, predicted, count, shares[actual][predicted]));
                }
            }
        }
        cells.sort(Comparator.comparingLong(Cell::count).reversed()
                .thenComparing(Comparator.comparingDouble(Cell::share).reversed())
                .thenComparingInt(Cell::actual)
                .thenComparingInt(Cell::predicted));
        List<ConfusedPair> pairs = new ArrayList<>();
        for (Cell cell : cells.subList(0, Math.min(limit, cells.size()))) {
            pairs.add(new ConfusedPair(matrix.labels().name(cell.actual()), matrix.labels().name(cell.predicted()),
                    cell.count(), cell.share()));
        }
        return pairs;
    }
}
