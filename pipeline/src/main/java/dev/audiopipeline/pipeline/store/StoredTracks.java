package dev.audiopipeline.pipeline.store;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/** Reads what an extraction output holds, by path: the identity each input was extracted with and its data files. */
public final class StoredTracks {

    /**
     * The columns read ({@link FeaturesTable#SOURCE_IDENTITY}), given to the reader so that Spark does not first run a
     * job to infer the schema from the files' footers (about a second of a nightly run with nothing new). Both
     * features/ and rejected/ rows have them; a file without one reads it as null.
     */
    private static final StructType IDENTITY = FeaturesTable.SOURCE_IDENTITY;

    private StoredTracks() {}

    public static Map<String, StoredTrack> read(SparkSession spark, ExtractionStore store) throws IOException {
        Map<String, Row> identity = new HashMap<>();
        Map<String, Set<String>> featureFiles = collect(spark, store, store.features(), identity);
        Map<String, Set<String>> rejectedFiles = collect(spark, store, store.rejected(), identity);
        Map<String, StoredTrack> tracks = new HashMap<>();
        identity.forEach((path, row) -> tracks.put(path, new StoredTrack(path,
                row.isNullAt(1) ? null : row.getLong(1), row.isNullAt(2) ? null : row.getLong(2),
                row.getString(3), row.getString(4), featureFiles.getOrDefault(path, Set.of()),
                rejectedFiles.getOrDefault(path, Set.of()))));
        return tracks;
    }

    /** The data files of each path below {@code directory}; the first identity row seen per path goes to the map. */
    private static Map<String, Set<String>> collect(SparkSession spark, ExtractionStore store, Path directory,
                                                    Map<String, Row> identity) throws IOException {
        Map<String, Set<String>> files = new HashMap<>();
        if (store.dataFiles(directory).isEmpty()) {
            return files;
        }
        // One small row per (path, data file): Parquet reads only these columns.
        Column[] identityColumns = Arrays.stream(IDENTITY.fieldNames()).map(functions::col).toArray(Column[]::new);
        Column[] columns = Arrays.copyOf(identityColumns, identityColumns.length + 1);
        columns[identityColumns.length] = input_file_name().as("file");
        for (Row row : spark.read().schema(IDENTITY).parquet(directory.toString()).select(columns)
                .distinct().collectAsList()) {
            String path = row.getString(0);
            files.computeIfAbsent(path, p -> new HashSet<>()).add(store.key(ExtractionStore.fromKey(row.getString(5))));
            identity.putIfAbsent(path, row);
        }
        return files;
    }
}
