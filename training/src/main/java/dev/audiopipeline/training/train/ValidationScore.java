package dev.audiopipeline.training.train;

import dev.audiopipeline.pipeline.store.FeaturesTable;
import dev.audiopipeline.training.baselines.BaselineColumns;
import dev.audiopipeline.training.prediction.Labels;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple3;

/**
 * Per-segment accuracy and mean log loss of predicted probabilities against the rows' labels, computed on the
 * executors: what a baseline's bundle records for its validation tracks, as a network's records its kept epoch's.
 *
 * @param rows segments scored
 * @param accuracy share whose most probable label is theirs (ties to the first label, as the predictions do)
 * @param logLoss mean of {@code -ln p(label)}, each probability floored at 1e-15 as scikit-learn's log_loss does
 */
record ValidationScore(long rows, double accuracy, double logLoss) {

    private static final double FLOOR = 1e-15;

    /**
     * @param scored rows with {@link FeaturesTable#LABEL} (one of {@code labels}) and
     *     {@link BaselineColumns#PROBABILITIES} in {@code labels}' order
     */
    static ValidationScore of(Dataset<Row> scored, Labels labels) {
        Tuple3<Long, Long, Double> sums = scored.select(FeaturesTable.LABEL, BaselineColumns.PROBABILITIES).javaRDD()
                .map(row -> {
                    int truth = labels.require(row.getString(0));
                    List<Double> p = row.getList(1);
                    int best = 0;
                    for (int i = 1; i < p.size(); i++) {
                        if (p.get(i) > p.get(best)) {
                            best = i;
                        }
                    }
                    return new Tuple3<>(1L, best == truth ? 1L : 0L, -Math.log(Math.max(FLOOR, p.get(truth))));
                })
                .reduce((a, b) -> new Tuple3<>(a._1() + b._1(), a._2() + b._2(), a._3() + b._3()));
        return new ValidationScore(sums._1(), (double) sums._2() / sums._1(), sums._3() / sums._1());
    }
}
