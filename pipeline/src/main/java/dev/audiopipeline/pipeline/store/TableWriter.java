package dev.audiopipeline.pipeline.store;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import scala.Option;

/** Writes the store's tables as Parquet: the codec chosen for the output, feature rows the cheapest standard way. */
public final class TableWriter {

    /**
     * LZ4 (the Parquet spec's LZ4_RAW): as small as Snappy on feature matrices (611 against 627 MB for 1000 clips)
     * and the whole GTZAN-sized run 15 % faster (bench/extract-benchmark.sh: 54.6 against 63-64 s).
     */
    public static final String DEFAULT_CODEC = "lz4_raw";

    private final SparkSession spark;
    private final String codec;

    /**
     * @param codec Parquet compression (Spark's names: lz4_raw, snappy, zstd, uncompressed, ...; the older spelling
     *     lz4raw, which Spark 3.5 warns about on every write, is taken as lz4_raw)
     */
    public TableWriter(SparkSession spark, String codec) {
        this.spark = spark;
        this.codec = "lz4raw".equals(codec) ? "lz4_raw" : codec;
    }

    /**
     * Writes feature rows (or any rows with float matrices) as Parquet the cheapest way that keeps them standard:
     * <ul>
     *   <li>no dictionary encoding: on float matrices it cost more CPU than the feature kernel and gained nothing,
     *       measured features barely repeat (JFR profile of a 200-file run);</li>
     *   <li>Spark's legacy list layout ({@code spark.sql.parquet.writeLegacyFormat}, for this write only): a float
     *       array becomes a LIST group with a {@code repeated float} field instead of a repeated group holding an
     *       element field, so Spark and parquet-mr open no group per value. About 5 s less on the 1000-file
     *       benchmark (bench/extract-benchmark.sh, alternating runs: 39-45 against 45-50 s). Spark, Arrow and
     *       every Parquet reader read both layouts (the format's backward-compatibility rules), also mixed in one
     *       dataset.</li>
     * </ul>
     */
    public void writeFeatureRows(DataFrameWriter<Row> writer, Path target) {
        RuntimeConfig conf = spark.conf();
        String key = "spark.sql.parquet.writeLegacyFormat";
        Option<String> before = conf.getOption(key);
        conf.set(key, "true");
        try {
            writer.option("compression", codec).option("parquet.enable.dictionary", "false")
                    .parquet(target.toString());
        } finally {
            if (before.isDefined()) {
                conf.set(key, before.get());
            } else {
                conf.unset(key);
            }
        }
    }

    /** Writes {@code rejected} as one Parquet file of {@link RejectedTable#SCHEMA} below {@code target}. */
    public void writeRejected(List<RejectedInput> rejected, Path target) {
        List<Row> rows = new ArrayList<>();
        for (RejectedInput r : rejected) {
            rows.add(RowFactory.create(r.path(), r.reason(), r.detail(), r.label(), r.split(), r.sourceSize(),
                    r.sourceMtimeMs()));
        }
        spark.createDataFrame(rows, RejectedTable.SCHEMA).coalesce(1).write().option("compression", codec)
                .parquet(target.toString());
    }
}
