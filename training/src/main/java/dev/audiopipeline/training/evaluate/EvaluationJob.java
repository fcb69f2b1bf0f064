package dev.audiopipeline.training.evaluate;

import dev.audiopipeline.pipeline.store.FeaturesTable;
import dev.audiopipeline.pipeline.store.IncompatibleOutputException;
import dev.audiopipeline.pipeline.store.SettingsDifferences;
import dev.audiopipeline.training.bundle.BundleStore;
import dev.audiopipeline.training.bundle.ModelBundle;
import dev.audiopipeline.training.bundle.SegmentScore;
import dev.audiopipeline.training.bundle.SegmentScorer;
import dev.audiopipeline.training.datasets.DataSplit;
import dev.audiopipeline.training.datasets.FeatureRows;
import dev.audiopipeline.training.datasets.SplitData;
import dev.audiopipeline.training.datasets.TrackSplitter;
import dev.audiopipeline.training.evaluation.Evaluator;
import dev.audiopipeline.training.evaluation.MetricsJson;
import dev.audiopipeline.training.evaluation.ModelEvaluation;
import dev.audiopipeline.training.evaluation.ModelIdentity;
import dev.audiopipeline.training.evaluation.PredictionsCsv;
import dev.audiopipeline.training.prediction.SegmentPrediction;
import dev.audiopipeline.training.report.HtmlReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code evaluate} job: scores the held-out tracks of an extraction output with one or more bundles and writes
 * under the report directory
 * <pre>
 * REPORT/metrics.json       segment, track (mean probability) and track_vote metrics of the first model
 * REPORT/predictions.csv    one row per track: path, track_id, label, predicted_label, a probability per label
 * REPORT/predictions/tracks/, predictions/segments/   the same as Parquet, and one row per segment
 * REPORT/report.html        one self-contained page: every model's charts and tables, and their comparison
 * REPORT/models/NAME/...    metrics.json, predictions.csv and predictions/ of each further model
 * </pre>
 * The tracks are split as the first model's training split them (same fractions and seed), so {@code test} is
 * exactly what it never saw. Features computed with other settings than a bundle's are refused, naming them.
 */
public final class EvaluationJob {

    private static final Logger LOG = LoggerFactory.getLogger(EvaluationJob.class);

    private final SparkSession spark;

    public EvaluationJob(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * @param modelUris one or more bundles (names must differ)
     * @param split which tracks to evaluate on: test (default), validation or train
     * @return each model's evaluation, in the order given
     */
    public List<ModelEvaluation> run(List<String> modelUris, String featuresUri, DataSplit split, String reportUri)
            throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<ModelBundle> bundles = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String uri : modelUris) {
            ModelBundle bundle = BundleStore.read(spark, conf, uri);
            if (!names.add(bundle.name())) {
                throw new IllegalArgumentException("two models are named " + bundle.name() + ": give bundles in "
                        + "folders of different names");
            }
            bundles.add(bundle);
        }
        FeatureRows features = FeatureRows.read(spark, featuresUri);
        for (ModelBundle bundle : bundles) {
            requireSameSettings(bundle, features, featuresUri);
        }
        Map<String, Object> trained = bundles.get(0).manifest().trainingSettings();
        SplitData data = SplitData.of(spark, features.rows(), new TrackSplitter(number(trained, "validation_fraction"),
                number(trained, "test_fraction"), ((Number) trained.get("seed")).longValue()));
        Dataset<Row> rows = switch (split) {
            case TRAIN -> data.train().filter(FeaturesTable.VARIANT + " = 0");
            case VALIDATION -> data.validation();
            case TEST -> data.test();
        };
        rows = rows.cache();
        try {
            List<Evaluated> evaluated = new ArrayList<>();
            for (ModelBundle bundle : bundles) {
                evaluated.add(evaluate(bundle, rows, split));
            }
            write(evaluated, reportUri);
            return evaluated.stream().map(Evaluated::evaluation).toList();
        } finally {
            rows.unpersist();
        }
    }

    /** One model's metrics and the segment predictions they came from. */
    private record Evaluated(ModelEvaluation evaluation, List<SegmentPrediction> segments) {}

    private Evaluated evaluate(ModelBundle bundle, Dataset<Row> rows, DataSplit split) {
        Dataset<Row> known = rows.filter(org.apache.spark.sql.functions.col(FeaturesTable.LABEL)
                .isin(bundle.labels().names().toArray()));
        long unknown = rows.count() - known.count();
        if (unknown > 0) {
            LOG.warn("{}: {} {} segments carry labels the model does not predict; left out", bundle.name(), unknown,
                    split.code());
        }
        List<SegmentPrediction> segments = new ArrayList<>();
        for (SegmentScore score : SegmentScorer.score(spark, bundle, known).collectAsList()) {
            segments.add(score.toPrediction());
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("no " + split.code() + " segment with one of " + bundle.name()
                    + "'s labels " + bundle.labels() + " to evaluate on");
        }
        ModelEvaluation evaluation = Evaluator.evaluate(new ModelIdentity(bundle.name(), bundle.kind().cliName(),
                bundle.manifest().configHash()), bundle.labels(), segments, bundle.manifest().history());
        LOG.info("{} on {} {} segments of {} tracks: segment accuracy {}, track accuracy {}", bundle.name(),
                evaluation.rowsEvaluated(), split.code(), evaluation.tracksEvaluated(),
                evaluation.segment().accuracy(), evaluation.track().accuracy());
        return new Evaluated(evaluation, segments);
    }

    private void write(List<Evaluated> evaluated, String reportUri) throws IOException {
        Path report = new Path(reportUri);
        FileSystem fs = report.getFileSystem(spark.sparkContext().hadoopConfiguration());
        fs.mkdirs(report);
        for (int i = 0; i < evaluated.size(); i++) {
            ModelEvaluation evaluation = evaluated.get(i).evaluation();
            Path dir = i == 0 ? report : new Path(new Path(report, "models"), evaluation.model().name());
            fs.mkdirs(dir);
            try (OutputStream out = fs.create(new Path(dir, "metrics.json"), true)) {
                MetricsJson.write(evaluation, out);
            }
            try (Writer out = new OutputStreamWriter(fs.create(new Path(dir, "predictions.csv"), true),
                    StandardCharsets.UTF_8)) {
                PredictionsCsv.write(evaluation.labels(), evaluation.tracks(), out);
            }
            PredictionTables.tracks(spark, evaluation.labels(), evaluation.tracks()).coalesce(1).write()
                    .mode("overwrite").parquet(new Path(dir, "predictions/tracks").toString());
            PredictionTables.segments(spark, evaluation.labels(), evaluated.get(i).segments()).coalesce(1).write()
                    .mode("overwrite").parquet(new Path(dir, "predictions/segments").toString());
        }
        try (OutputStream out = fs.create(new Path(report, "report.html"), true)) {
            HtmlReport.write(evaluated.stream().map(Evaluated::evaluation).toList(), out);
        }
    }

    private static void requireSameSettings(ModelBundle bundle, FeatureRows features, String featuresUri) {
        List<String> differences = SettingsDifferences.between(bundle.manifest().featureSettings(),
                features.settings().asMap());
        differences.removeIf(difference -> difference.startsWith("augmentation.")); // variants are not evaluated
        if (!differences.isEmpty()) {
            throw new IncompatibleOutputException(featuresUri + " holds features computed with other settings than "
                    + bundle.name() + " was trained on (" + String.join(", ", differences).replace("this run",
                    "these features").replace("stored", "the model") + "): extract them with the model's settings");
        }
    }

    private static double number(Map<String, Object> map, String name) {
        return ((Number) map.get(name)).doubleValue();
    }
}
