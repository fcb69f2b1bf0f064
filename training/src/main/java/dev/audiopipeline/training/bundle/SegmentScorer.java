package dev.audiopipeline.training.bundle;

import dev.audiopipeline.training.datasets.ExampleEncoder;
import dev.audiopipeline.training.datasets.SegmentRow;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Scores segment rows with a bundle's model, on the executors, in minibatches: one {@link SegmentScore} per row.
 * The bundle is broadcast once; each executor JVM loads its network once ({@link LoadedNetworks}).
 */
public final class SegmentScorer {

    /** Rows per forward pass. */
    static final int BATCH = 128;

    private SegmentScorer() {}

    /**
     * @param rows rows with the features table's columns (at least those {@link SegmentRow} reads)
     */
    public static Dataset<SegmentScore> score(SparkSession spark, ModelBundle bundle, Dataset<Row> rows) {
        if (bundle.kind().engine() == ModelKind.Engine.DL4J) {
            Broadcast<ModelBundle> shipped = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(bundle);
            return SegmentRow.of(rows).mapPartitions(
                    (org.apache.spark.api.java.function.MapPartitionsFunction<SegmentRow, SegmentScore>)
                            partition -> scored(shipped.value(), partition),
                    Encoders.bean(SegmentScore.class));
        }
        return PipelineScorer.score(bundle, rows);
    }

    private static Iterator<SegmentScore> scored(ModelBundle bundle, Iterator<SegmentRow> rows) {
        Model network = LoadedNetworks.forThread(bundle);
        ExampleEncoder encoder = bundle.encoder();
        return new Iterator<>() {
            private Iterator<SegmentScore> batch = List.<SegmentScore>of().iterator();

            @Override
            public boolean hasNext() {
                if (!batch.hasNext() && rows.hasNext()) {
                    List<SegmentRow> group = new ArrayList<>(BATCH);
                    while (group.size() < BATCH && rows.hasNext()) {
                        group.add(rows.next());
                    }
                    batch = score(network, encoder, group).iterator();
                }
                return batch.hasNext();
            }

            @Override
            public SegmentScore next() {
                hasNext();
                return batch.next();
            }
        };
    }

    static List<SegmentScore> score(Model network, ExampleEncoder encoder, List<SegmentRow> group) {
        INDArray probabilities = NetworkCheck.probabilities(network, encoder.features(group));
        List<SegmentScore> scores = new ArrayList<>(group.size());
        for (int i = 0; i < group.size(); i++) {
            SegmentRow row = group.get(i);
            double[] p = probabilities.getRow(i).toDoubleVector();
            scores.add(SegmentScore.of(row, clamp(p)));
        }
        return scores;
    }

    /** Softmax output in float can stray a rounding error outside [0, 1]. */
    static double[] clamp(double[] probabilities) {
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] = Math.min(1.0, Math.max(0.0, probabilities[i]));
        }
        return probabilities;
    }
}
