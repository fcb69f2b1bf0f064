package dev.audiopipeline.pipeline.store;

import static org.apache.spark.sql.functions.broadcast;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Takes the rows of some paths out of stored data files without touching the output until publishing: stages a
 * copy of each file without those rows and plans the copy into the place of the file it replaces, and the
 * replaced file's deletion ({@link PublishPlan}).
 */
public final class RowRemoval {

    private final SparkSession spark;
    private final ExtractionStore store;
    private final TableWriter writer;

    public RowRemoval(SparkSession spark, ExtractionStore store, TableWriter writer) {
        this.spark = spark;
        this.store = store;
        this.writer = writer;
    }

    /**
     * Stages copies of {@code files} (data files below {@code base}) without the rows of {@code paths}, and adds
     * each copy's move into the run partition of the file it replaces to {@code moves}, and the replaced file to
     * {@code deletes}.
     */
    public void stageWithout(Set<String> paths, Set<String> files, Path base, Path staged,
                             List<PublishPlan.Move> moves, List<String> deletes) throws IOException {
        if (files.isEmpty()) {
            return;
        }
        Dataset<Row> dropped = spark.createDataset(new ArrayList<>(paths), Encoders.STRING()).toDF("dropped_path");
        String[] sources = files.stream().map(key -> ExtractionStore.fromKey(key).toString()).toArray(String[]::new);
        Dataset<Row> old = spark.read().option("basePath", base.toString()).parquet(sources);
        Dataset<Row> kept = old.join(broadcast(dropped),
                old.col(FeaturesTable.PATH).equalTo(dropped.col("dropped_path")), "left_anti");
        writer.writeFeatureRows(kept.write().partitionBy(FeaturesTable.RUN), staged);
        Path stagedRoot = store.fileSystem().makeQualified(staged);
        for (Path file : store.dataFiles(staged)) {
            String relative = stagedRoot.toUri().relativize(file.toUri()).getPath(); // run=<id>/part-....parquet
            moves.add(store.move(file, new Path(base, relative)));
        }
        deletes.addAll(files);
    }
}
