package dev.audiopipeline.training.score;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.audiopipeline.pipeline.source.AudioInput;
import dev.audiopipeline.pipeline.store.IncompatibleOutputException;
import dev.audiopipeline.pipeline.store.RejectedInput;
import dev.audiopipeline.pipeline.store.SettingsDifferences;
import dev.audiopipeline.training.prediction.Labels;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * An earlier score output that an incremental run adds to. The output records what it was scored with
 * ({@link ScoreState#FILE}) and every input it considered with its size and modification time
 * ({@link ScoredInputs}); an input listed again with the same size and time is unchanged and not scored again.
 * A changed input's earlier row (prediction or rejection) is replaced by this run's.
 */
final class PreviousScores {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SparkSession spark;
    private final Path output;
    private final Map<String, ScoredInputs.Entry> inputs;

    private PreviousScores(SparkSession spark, Path output, Map<String, ScoredInputs.Entry> inputs) {
        this.spark = spark;
        this.output = output;
        this.inputs = inputs;
    }

    /**
     * The scores already under {@code output}, or null when there are none yet (the output does not exist).
     *
     * @throws IncompatibleOutputException when the output is not a score output, or was scored with another model
     *     or other settings (naming each difference): the rows would not be comparable
     */
    static PreviousScores open(SparkSession spark, FileSystem fs, Path output, Map<String, Object> state)
            throws IOException {
        OutputSwap.recover(fs, output);
        if (!fs.exists(output)) {
            return null;
        }
        Path stateFile = new Path(output, ScoreState.FILE);
        if (!fs.exists(stateFile) || !fs.exists(new Path(output, ScoredInputs.DIRECTORY))) {
            throw new IncompatibleOutputException(output + " exists and is not the output of an earlier score run ("
                    + ScoreState.FILE + " or " + ScoredInputs.DIRECTORY + "/ is missing): choose another --output");
        }
        Map<String, Object> stored;
        try (InputStream in = fs.open(stateFile)) {
            stored = JSON.readValue(in, ScoreState.MAP);
        }
        List<String> differences = SettingsDifferences.between(stored, state);
        if (!differences.isEmpty()) {
            throw new IncompatibleOutputException(output + " was scored with another model or other settings ("
                    + String.join(", ", differences) + "): an incremental run adds rows comparable with the ones "
                    + "there; score into a new --output");
        }
        return new PreviousScores(spark, output, ScoredInputs.read(spark, new Path(output, ScoredInputs.DIRECTORY)));
    }

    /** Whether {@code input} was considered before, with the same size and modification time. */
    boolean unchanged(AudioInput input) {
        ScoredInputs.Entry entry = inputs.get(input.path());
        return entry != null && entry.sourceSize() == input.sizeBytes()
                && entry.sourceMtimeMs() == input.modificationTime();
    }

    /** Whether {@code path} was considered before (an input the listing itself rejected has no size). */
    boolean seen(String path) {
        return inputs.containsKey(path);
    }

    /** The earlier tracks, but those of {@code paths} (scored again in this run). */
    Dataset<ScoredTrack> tracksExcept(Set<String> paths, Labels labels) {
        Dataset<Row> table = spark.read().parquet(new Path(output, ScoreOutputs.PREDICTIONS).toString());
        return ScoreOutputs.tracks(except(table, paths), labels);
    }

    /** The earlier rejections, but those of {@code paths}. */
    List<RejectedInput> rejectedExcept(Set<String> paths) throws IOException {
        Path rejected = new Path(output, ScoreOutputs.REJECTED);
        List<RejectedInput> kept = new ArrayList<>();
        if (!rejected.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(rejected)) {
            return kept;
        }
        for (Row row : except(spark.read().parquet(rejected.toString()), paths).collectAsList()) {
            kept.add(new RejectedInput(row.getAs("path"), row.getAs("reason"), row.getAs("detail"), row.getAs("label"),
                    row.getAs("split"), row.getAs("source_size"), row.getAs("source_mtime_ms")));
        }
        return kept;
    }

    /** The earlier inputs, but {@code paths}. */
    List<ScoredInputs.Entry> inputsExcept(Set<String> paths) {
        List<ScoredInputs.Entry> kept = new ArrayList<>(inputs.size());
        for (ScoredInputs.Entry entry : inputs.values()) {
            if (!paths.contains(entry.path())) {
                kept.add(entry);
            }
        }
        return kept;
    }

    private Dataset<Row> except(Dataset<Row> table, Set<String> paths) {
        if (paths.isEmpty()) {
            return table;
        }
        Dataset<Row> replaced = spark.createDataset(new ArrayList<>(paths), org.apache.spark.sql.Encoders.STRING())
                .toDF("replaced_path");
        return table.join(functions.broadcast(replaced), table.col("path").equalTo(replaced.col("replaced_path")),
                "left_anti");
    }
}
