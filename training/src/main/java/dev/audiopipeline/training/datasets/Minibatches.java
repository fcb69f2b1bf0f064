package dev.audiopipeline.training.datasets;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.xxhash64;

import dev.audiopipeline.pipeline.store.FeaturesTable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * Segment rows as minibatches for the trainers: shuffled deterministically (by a hash of track, segment, variant
 * and seed: the same order on every run), then grouped within each partition.
 */
public final class Minibatches {

    private static final String ORDER = "shuffle_order";

    private Minibatches() {}

    /** {@code rows} in a fixed pseudo-random order over {@code partitions} partitions. */
    public static Dataset<Row> shuffled(Dataset<Row> rows, long seed, int partitions) {
        return rows.withColumn(ORDER, xxhash64(col(FeaturesTable.TRACK_ID), col(FeaturesTable.SEGMENT),
                        col(FeaturesTable.VARIANT), lit(seed)))
                .repartition(partitions, col(ORDER)).sortWithinPartitions(ORDER).drop(ORDER);
    }

    /** Minibatches of up to {@code size} rows for a MultiLayerNetwork. */
    public static JavaRDD<DataSet> dataSets(JavaRDD<SegmentRow> rows, ExampleEncoder encoder, int size) {
        return rows.mapPartitions(partition -> grouped(partition, size, encoder::dataSet));
    }

    /** Minibatches of up to {@code size} rows for any network. */
    public static JavaRDD<org.nd4j.linalg.dataset.api.MultiDataSet> multiDataSets(JavaRDD<SegmentRow> rows,
                                                                                 ExampleEncoder encoder, int size) {
        return rows.mapPartitions(partition -> grouped(partition, size,
                group -> (org.nd4j.linalg.dataset.api.MultiDataSet) encoder.multiDataSet(group)));
    }

    /** All minibatches on this machine, in order. */
    public static List<MultiDataSet> local(Iterator<SegmentRow> rows, ExampleEncoder encoder, int size) {
        List<MultiDataSet> batches = new ArrayList<>();
        grouped(rows, size, encoder::multiDataSet).forEachRemaining(batches::add);
        return batches;
    }

    private static <B> Iterator<B> grouped(Iterator<SegmentRow> rows, int size, Function<List<SegmentRow>, B> batch) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public B next() {
                List<SegmentRow> group = new ArrayList<>(size);
                while (group.size() < size && rows.hasNext()) {
                    group.add(rows.next());
                }
                return batch.apply(group);
            }
        };
    }
}
