package dev.audiopipeline.training.score;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code scored_inputs/}: every input a score output has considered (scored or rejected), with the size and
 * modification time it had then; what tells an incremental run which files are new or changed.
 */
final class ScoredInputs {

    static final String DIRECTORY = "scored_inputs";
    static final StructType SCHEMA = new StructType()
            .add("path", DataTypes.StringType, false)
            .add("source_size", DataTypes.LongType, true)
            .add("source_mtime_ms", DataTypes.LongType, true);

    /** One input; size and time are null for an input the listing rejected before reading it. */
    record Entry(String path, Long sourceSize, Long sourceMtimeMs) {}

    private ScoredInputs() {}

    static Map<String, Entry> read(SparkSession spark, Path directory) {
        Map<String, Entry> entries = new HashMap<>();
        for (Row row : spark.read().schema(SCHEMA).parquet(directory.toString()).collectAsList()) {
            entries.put(row.getString(0), new Entry(row.getString(0), row.isNullAt(1) ? null : row.getLong(1),
                    row.isNullAt(2) ? null : row.getLong(2)));
        }
        return entries;
    }

    static void write(SparkSession spark, List<Entry> entries, Path directory, String codec) {
        List<Row> rows = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            rows.add(RowFactory.create(entry.path(), entry.sourceSize(), entry.sourceMtimeMs()));
        }
        spark.createDataFrame(rows, SCHEMA).coalesce(1).write().option("compression", codec)
                .parquet(directory.toString());
    }
}
