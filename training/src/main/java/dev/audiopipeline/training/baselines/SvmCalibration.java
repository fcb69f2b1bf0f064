package dev.audiopipeline.training.baselines;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.pmod;

import java.util.Arrays;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The softmax scale of a one-vs-rest SVM pipeline ({@link LinearSvmSettings}): the pipeline is fitted on the training
 * rows outside a held-out share, and the scale on the held-out rows' margins ({@link SoftmaxTemperature}). Rows are
 * held out by track when they have {@link BaselineColumns#TRACK_ID} (a track's segments are alike: margins of
 * segments whose siblings were trained on would look surer than those of unseen tracks), by row otherwise; the
 * choice is a hash of the track (or row) and the seed, the same on every run.
 */
final class SvmCalibration {
    private static final Logger LOG = LoggerFactory.getLogger(SvmCalibration.class);
    private static final int BUCKETS = 1_000_000;

    private SvmCalibration() {
    }

    /**
     * @param rows the training rows (persisted by the caller)
     * @param withoutProbabilities the pipeline up to the one-vs-rest model (margins in {@link BaselineColumns#RAW})
     * @param labels how many labels
     */
    static double scale(Dataset<Row> rows, Pipeline withoutProbabilities, double share, long seed, int labels) {
        Column heldOut = pmod(hash(grouping(rows), lit(seed)), lit(BUCKETS)).lt(Math.round(share * BUCKETS));
        Dataset<Row> fitPart = rows.where(not(heldOut));
        Dataset<Row> calibrationPart = rows.where(heldOut);
        long calibrationRows = calibrationPart.count();
        long fitLabels = fitPart.select(BaselineColumns.LABEL).distinct().count();
        Dataset<Row> margins;
        if (calibrationRows == 0 || fitLabels < labels) {
            LOG.warn("too few training tracks to hold {} of them out with every label left to fit: the SVM softmax"
                    + " temperature is fitted on the training margins (probabilities will be too sure)", share);
            margins = withoutProbabilities.fit(rows).transform(rows);
        } else {
            PipelineModel held = withoutProbabilities.fit(fitPart);
            margins = held.transform(calibrationPart);
        }
        double scale = SoftmaxTemperature.fit(margins, BaselineColumns.RAW, BaselineColumns.LABEL_INDEX);
        LOG.info("SVM softmax scale {} fitted on the margins of {} held-out rows", scale, calibrationRows);
        return scale;
    }

    private static Column grouping(Dataset<Row> rows) {
        return Arrays.asList(rows.columns()).contains(BaselineColumns.TRACK_ID)
                ? col(BaselineColumns.TRACK_ID)
                : hash(col(BaselineColumns.STATS), col(BaselineColumns.LABEL));
    }
}
