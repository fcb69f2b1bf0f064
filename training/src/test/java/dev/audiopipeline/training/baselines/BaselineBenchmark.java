package dev.audiopipeline.training.baselines;

import static org.apache.spark.sql.functions.col;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Trains baselines on an extraction output's {@code train} split and writes their probabilities for its {@code test}
 * split, for {@code bench/baselines_sklearn.py} to score beside scikit-learn's models on the same split.
 * {@code bench/baselines-benchmark.sh} runs it:
 *
 * <pre>
 * BaselineBenchmark FEATURES_DIR OUT_DIR SEED KIND[:key=value;key=value] ...
 * </pre>
 *
 * writes {@code OUT_DIR/<kind>/predictions} (Parquet: track_id, label, segment, probabilities) and
 * {@code OUT_DIR/<kind>/run.json} (labels in probability order, settings, training seconds, rows).
 */
public final class BaselineBenchmark {
    private BaselineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: BaselineBenchmark FEATURES_DIR OUT_DIR SEED KIND[:key=value;...] ...");
            System.exit(2);
        }
        Path out = Path.of(args[1]);
        long seed = Long.parseLong(args[2]);
        SparkSession spark = SparkSession.builder().master(System.getProperty("spark.master", "local[2]"))
                .appName("baseline-benchmark")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        Dataset<Row> segments = spark.read().parquet(Path.of(args[0], "features").toString())
                .where(col("variant").equalTo(0))
                .select("track_id", "label", "split", "segment", "stats");
        Dataset<Row> train = segments.where(col("split").equalTo("train")).drop("split").cache();
        Dataset<Row> test = segments.where(col("split").equalTo("test")).drop("split").cache();
        List<String> labels = train.select("label").distinct().orderBy("label").as(
                org.apache.spark.sql.Encoders.STRING()).collectAsList();
        long trainRows = train.count();
        long testRows = test.count();
        System.out.printf(Locale.ROOT, "train %d rows, test %d rows, labels %s%n", trainRows, testRows, labels);

        for (int i = 3; i < args.length; i++) {
            String[] kindAndSettings = args[i].split(":", 2);
            BaselineKind kind = BaselineKind.fromCliName(kindAndSettings[0]);
            BaselineSettings settings = BaselineSettingsText.parse(kind,
                    kindAndSettings.length > 1 ? overrides(kindAndSettings[1]) : Map.of());
            long start = System.nanoTime();
            PipelineModel model = BaselineTrainer.fit(train, labels, settings, seed);
            double seconds = (System.nanoTime() - start) / 1e9;
            Path dir = out.resolve(kind.cliName());
            BaselinePredictions.probabilities(model, test).drop("stats").write().mode("overwrite")
                    .parquet(dir.resolve("predictions").toString());
            Files.writeString(dir.resolve("run.json"), String.format(Locale.ROOT,
                    "{\"kind\": \"%s\", \"labels\": [%s], \"settings\": \"%s\", \"train_seconds\": %.1f,"
                            + " \"train_rows\": %d, \"seed\": %d}%n",
                    kind.cliName(), String.join(", ", labels.stream().map(l -> "\"" + l + "\"").toList()),
                    settings.asMap(), seconds, trainRows, seed), StandardCharsets.UTF_8);
            System.out.printf(Locale.ROOT, "%s trained in %.1f s: %s%n", kind.cliName(), seconds, settings.asMap());
        }
        spark.stop();
    }

    private static Map<String, String> overrides(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : text.split(";")) {
            if (!pair.isBlank()) {
                String[] keyValue = pair.split("=", 2);
                values.put(keyValue[0].trim(), keyValue[1].trim());
            }
        }
        return values;
    }
}
