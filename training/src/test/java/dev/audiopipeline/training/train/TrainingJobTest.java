package dev.audiopipeline.training.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.audiopipeline.features.FeatureSettings;
import dev.audiopipeline.pipeline.segment.SegmentSettings;
import dev.audiopipeline.pipeline.store.IncompatibleOutputException;
import dev.audiopipeline.pipeline.testing.SparkTestSession;
import dev.audiopipeline.pipeline.testing.TestScratch;
import dev.audiopipeline.pipeline.track.ExtractionSettings;
import dev.audiopipeline.training.baselines.RandomForestSettings;
import dev.audiopipeline.training.bundle.BundleManifest;
import dev.audiopipeline.training.bundle.BundleStore;
import dev.audiopipeline.training.bundle.ModelBundle;
import dev.audiopipeline.training.bundle.ModelKind;
import dev.audiopipeline.training.bundle.SegmentScore;
import dev.audiopipeline.training.bundle.SegmentScorer;
import dev.audiopipeline.training.datasets.DataSplit;
import dev.audiopipeline.training.datasets.FeatureRows;
import dev.audiopipeline.training.datasets.SplitData;
import dev.audiopipeline.training.datasets.TrackSplitter;
import dev.audiopipeline.training.evaluate.EvaluationJob;
import dev.audiopipeline.training.evaluation.ModelEvaluation;
import dev.audiopipeline.training.prediction.TrackAggregation;
import dev.audiopipeline.training.prediction.TrackPrediction;
import dev.audiopipeline.training.prediction.TrackPredictor;
import dev.audiopipeline.training.report.ReportedMetrics;
import dev.audiopipeline.training.score.ScoreJob;
import dev.audiopipeline.training.score.ScoreSettings;
import dev.audiopipeline.training.trainer.TrainerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code train} end to end on a generated corpus: learned, held-out accuracy well above chance, bundle whole. */
@ExtendWith(SparkTestSession.class)
class TrainingJobTest {

    private final Path work = TestScratch.newDirectory("train");

    @Test
    void theLstmLearnsTheStylesOnTheDriverAndItsBundleScoresTheHeldOutTracks(SparkSession spark) throws IOException {
        String features = ExtractedCorpus.fourStyles(spark);
        // Seed 000's Adam 1e-4 needs a hundred epochs; ten times that rate learns this small corpus in a dozen.
        TrainingSettings base = settings(ModelKind.LSTM, TrainingSettings.Mode.LOCAL, 12);
        TrainingSettings settings = new TrainingSettings(base.kind(), base.lstm().withOptimization(
                base.lstm().optimization().withLearningRate(1e-3)), base.cnn(), base.merged(), base.dense(),
                base.trainer(), base.batchSize(), base.validationFraction(), base.testFraction(), base.seed(),
                base.mode(), base.workers(), base.averagingFrequency(), base.prefetchBatches(), base.baseline());
        String bundleUri = work.resolve("lstm").toUri().toString();

        BundleManifest manifest = new TrainingJob(spark, "test").run(features, settings, bundleUri);

        assertThat(manifest.labels()).containsExactly("classical", "hiphop", "metal", "reggae");
        assertThat(manifest.history()).isNotEmpty();
        assertThat(manifest.history().get(manifest.history().size() - 1).trainLoss())
                .isLessThan(manifest.history().get(0).trainLoss());
        assertThat(manifest.inputs()).containsEntry("mfcc", 13);
        assertThat(manifest.frames()).isEqualTo(130);
        // Chance is 0.25; the styles differ in register, tempo and timbre, so a learned model is far above it.
        assertThat(heldOutTrackAccuracy(spark, bundleUri, features)).isGreaterThanOrEqualTo(0.75);
        assertThat(Files.list(work).map(p -> p.getFileName().toString()).toList())
                .as("only the bundle is left beside it").containsExactly("lstm");
    }

    @Test
    void theDenseNetworkTrainsWithParameterAveragingOnSparkAndLeavesNoExportBehind(SparkSession spark)
            throws IOException {
        String features = ExtractedCorpus.fourStyles(spark);
        String bundleUri = work.resolve("dense").toUri().toString();

        BundleManifest manifest = new TrainingJob(spark, "test").run(features,
                settings(ModelKind.DENSE, TrainingSettings.Mode.SPARK, 30), bundleUri);

        assertThat(manifest.trainingSettings()).containsEntry("mode", "spark");
        assertThat(heldOutTrackAccuracy(spark, bundleUri, features)).isGreaterThanOrEqualTo(0.75);
        assertThat(Files.list(work).map(p -> p.getFileName().toString()).toList()).containsExactly("dense");

        // evaluate: the track metrics recomputed from predictions/ are metrics.json's.
        Path report = work.resolve("report");
        ModelEvaluation evaluation = new EvaluationJob(spark).run(List.of(bundleUri), features, DataSplit.TEST,
                report.toUri().toString()).get(0);
        JsonNode metrics = new ObjectMapper().readTree(report.resolve("metrics.json").toFile());
        List<Row> tracks = spark.read().parquet(report.resolve("predictions/tracks").toString()).collectAsList();
        long right = tracks.stream().filter(r -> r.getString(r.fieldIndex("label"))
                .equals(r.getString(r.fieldIndex("predicted_label")))).count();
        assertThat(metrics.get("track").get("accuracy").asDouble()).isEqualTo(right / (double) tracks.size())
                .isEqualTo(evaluation.track().accuracy());
        assertThat(metrics.get("tracks_evaluated").asLong()).isEqualTo(tracks.size());
        assertThat(spark.read().parquet(report.resolve("predictions/segments").toString()).count())
                .isEqualTo(metrics.get("rows_evaluated").asLong());
        // the report shows metrics.json's numbers: every headline and per-label cell, of the three levels
        String html = Files.readString(report.resolve("report.html"));
        assertThat(html).contains("<svg");
        int labels = metrics.get("track").get("per_class").size();
        assertThat(ReportedMetrics.assertShownAsIn(html, metrics)).isEqualTo(3 * 6 + 3 * labels * 5);
        assertThat(Files.readAllLines(report.resolve("predictions.csv"))).hasSize(tracks.size() + 1);
    }

    @Test
    void aRandomForestBaselineTrainsOnTheStatisticsAndIsEvaluatedAndScoredLikeANetwork(SparkSession spark)
            throws IOException {
        String features = ExtractedCorpus.fourStyles(spark);
        String bundleUri = work.resolve("rf").toUri().toString();
        TrainingSettings settings = TrainingSettings.defaults(ModelKind.DENSE)
                .withBaseline(new RandomForestSettings(60, 12, 1, "sqrt", 1.0, 32));

        BundleManifest manifest = new TrainingJob(spark, "test").run(features, settings, bundleUri);

        assertThat(manifest.kind()).isEqualTo(ModelKind.RF);
        assertThat(manifest.inputs()).containsOnlyKeys("stats");
        assertThat(manifest.validation().get("accuracy")).isInstanceOf(Double.class);
        assertThat((Double) manifest.validation().get("loss")).isPositive();
        assertThat(manifest.trainingSettings()).extractingByKey("baseline").asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("trees", 60);
        assertThat(work.resolve("rf/pipeline")).isDirectory();
        assertThat(heldOutTrackAccuracy(spark, bundleUri, features)).isGreaterThanOrEqualTo(0.75);

        // evaluate compares it with a network in one report; score reads the same bundle.
        Path report = work.resolve("report");
        List<ModelEvaluation> evaluations = new EvaluationJob(spark).run(
                List.of(bundleUri, ExtractedCorpus.denseBundle(spark)), features, DataSplit.TEST,
                report.toUri().toString());
        assertThat(evaluations).hasSize(2);
        assertThat(evaluations.get(0).track().accuracy()).isGreaterThanOrEqualTo(0.75);
        assertThat(Files.readString(report.resolve("report.html"))).contains("rf").contains("dense");
        ScoreJob.Result scored = new ScoreJob(spark).scoreFeatures(bundleUri, features, ScoreSettings.defaults(),
                work.resolve("scores").toUri().toString());
        assertThat(scored.summary().tracksScored()).isEqualTo(spark.read().parquet(features + "/features")
                .select("track_id").distinct().count());
    }

    @Test
    void featuresExtractedWithOtherSettingsAreRefusedByEvaluateNamingThem(SparkSession spark) throws IOException {
        String features = ExtractedCorpus.fourStyles(spark);
        String bundleUri = work.resolve("tiny").toUri().toString();
        new TrainingJob(spark, "test").run(features, settings(ModelKind.DENSE, TrainingSettings.Mode.LOCAL, 1),
                bundleUri);
        Path manifest = Path.of(java.net.URI.create(bundleUri)).resolve(BundleStore.MANIFEST);
        // The same bundle as if trained on features of 20 MFCCs (a consistent settings document, hash included).
        ObjectMapper json = new ObjectMapper();
        ObjectNode edited = (ObjectNode) json.readTree(manifest.toFile());
        edited.set("feature_settings", json.valueToTree(new ExtractionSettings(
                FeatureSettings.builder().nMfcc(20).build(), SegmentSettings.defaults(), 600).asMap()));
        json.writeValue(manifest.toFile(), edited);

        assertThatThrownBy(() -> new EvaluationJob(spark).run(List.of(bundleUri), features, DataSplit.TEST,
                work.resolve("refused").toUri().toString()))
                .isInstanceOf(IncompatibleOutputException.class)
                .hasMessageContaining("features.n_mfcc: the model 20, these features 13");
        assertThat(work.resolve("refused")).doesNotExist();
    }

    @Test
    void anExistingOutputIsRefusedBeforeAnythingIsRead(SparkSession spark) throws IOException {
        Path taken = Files.createDirectories(work.resolve("taken"));
        assertThatThrownBy(() -> new TrainingJob(spark, "test").run(work.resolve("nowhere").toString(),
                settings(ModelKind.LSTM, TrainingSettings.Mode.LOCAL, 1), taken.toUri().toString()))
                .isInstanceOf(org.apache.hadoop.fs.FileAlreadyExistsException.class)
                .hasMessageContaining("already exists");
    }

    private static TrainingSettings settings(ModelKind kind, TrainingSettings.Mode mode, int epochs) {
        TrainingSettings d = TrainingSettings.defaults(kind);
        return new TrainingSettings(kind, d.lstm(), d.cnn(), d.merged(), d.dense(), new TrainerSettings(epochs, 5),
                16, d.validationFraction(), d.testFraction(), d.seed(), mode, 0, 1, 0, d.baseline());
    }

    /** Track accuracy (mean of segment probabilities) of the bundle on the test tracks, as reloaded. */
    static double heldOutTrackAccuracy(SparkSession spark, String bundleUri, String features) throws IOException {
        ModelBundle bundle = BundleStore.read(spark, spark.sparkContext().hadoopConfiguration(), bundleUri);
        SplitData split = SplitData.of(spark, FeatureRows.read(spark, features).rows(), new TrackSplitter(0.15, 0.2,
                1337));
        List<SegmentScore> scores = SegmentScorer.score(spark, bundle, split.test()).collectAsList();
        List<TrackPrediction> tracks = TrackPredictor.predictAll(scores.stream().map(SegmentScore::toPrediction)
                .toList(), bundle.labels(), TrackAggregation.MEAN_PROBABILITY);
        assertThat(tracks).hasSizeGreaterThanOrEqualTo(4);
        return tracks.stream().filter(t -> t.predictedLabel().equals(t.label())).count() / (double) tracks.size();
    }
}
