package dev.audiopipeline.training.train;

import dev.audiopipeline.pipeline.store.FeaturesTable;
import dev.audiopipeline.training.baselines.BaselinePredictions;
import dev.audiopipeline.training.baselines.BaselineTrainer;
import dev.audiopipeline.training.bundle.BundleManifest;
import dev.audiopipeline.training.bundle.BundleStore;
import dev.audiopipeline.training.bundle.ModelKind;
import dev.audiopipeline.training.datasets.DataSplit;
import dev.audiopipeline.training.datasets.ExampleEncoder;
import dev.audiopipeline.training.datasets.FeatureRows;
import dev.audiopipeline.training.datasets.Minibatches;
import dev.audiopipeline.training.datasets.Normaliser;
import dev.audiopipeline.training.datasets.SegmentRow;
import dev.audiopipeline.training.datasets.SplitData;
import dev.audiopipeline.training.datasets.TrackSplitter;
import dev.audiopipeline.training.networks.CnnNetwork;
import dev.audiopipeline.training.networks.DenseNetwork;
import dev.audiopipeline.training.networks.FeatureInput;
import dev.audiopipeline.training.networks.LstmNetwork;
import dev.audiopipeline.training.networks.MergedNetwork;
import dev.audiopipeline.training.networks.NetworkKind;
import dev.audiopipeline.training.trainer.EpochRecord;
import dev.audiopipeline.training.trainer.LocalTrainer;
import dev.audiopipeline.training.trainer.ProgressListener;
import dev.audiopipeline.training.trainer.SparkGraphTrainer;
import dev.audiopipeline.training.trainer.SparkTrainer;
import dev.audiopipeline.training.trainer.SparkTrainingSettings;
import dev.audiopipeline.training.trainer.TrainingResult;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code train} job: reads an extraction output's features, splits them by track, and trains a DL4J network
 * (on Spark with parameter averaging, or on the driver) or a Spark ML pipeline, then writes the model bundle.
 * The driver logs the rows and tracks per split and label before training, and one line per epoch.
 */
public final class TrainingJob {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingJob.class);

    private final SparkSession spark;
    private final String productVersion;

    public TrainingJob(SparkSession spark, String productVersion) {
        this.spark = spark;
        this.productVersion = productVersion;
    }

    /**
     * @param featuresUri an extraction output ({@code extract --output})
     * @param outputUri where the bundle goes; must not exist
     * @return the bundle's manifest
     */
    public BundleManifest run(String featuresUri, TrainingSettings settings, String outputUri) throws IOException {
        long start = System.nanoTime();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        BundleStore.requireAbsent(conf, outputUri);
        FeatureRows features = FeatureRows.read(spark, featuresUri);
        SplitData split = SplitData.of(spark, features.rows(),
                new TrackSplitter(settings.validationFraction(), settings.testFraction(), settings.seed()));
        LOG.info("training {} on {}: {} labels {}", settings.kind().cliName(), featuresUri, split.labels().size(),
                split.labels());
        split.summary().lines().forEach(line -> LOG.info("  {}", line));
        if (settings.kind().engine() == ModelKind.Engine.SPARK_ML) {
            return trainBaseline(features, split, settings, outputUri, start);
        }
        return trainNetwork(features, split, settings, outputUri, start);
    }

    /**
     * A Spark ML baseline over the statistics: fitted on the training rows (augmented variants included), checked on
     * the validation tracks (accuracy and mean log loss per segment, stored in the bundle), written with Spark ML's
     * own writer.
     */
    private BundleManifest trainBaseline(FeatureRows features, SplitData split, TrainingSettings settings,
                                         String outputUri, long start) throws IOException {
        Dataset<Row> train = split.train().select(FeaturesTable.TRACK_ID, FeaturesTable.STATS, FeaturesTable.LABEL);
        int statistics = train.first().getList(1).size();
        LOG.info("{}: {} statistics per segment, settings {}", settings.kind().cliName(), statistics,
                settings.baseline().asMap());
        PipelineModel model = BaselineTrainer.fit(train, split.labels().names(), settings.baseline(), settings.seed());
        Map<String, Object> validation = new LinkedHashMap<>();
        validation.put("loss", null);
        validation.put("accuracy", null);
        if (split.summary().rows(DataSplit.VALIDATION) > 0) {
            ValidationScore score = ValidationScore.of(BaselinePredictions.probabilities(model,
                    split.validation().select(FeaturesTable.STATS, FeaturesTable.LABEL)), split.labels());
            validation.put("loss", score.logLoss());
            validation.put("accuracy", score.accuracy());
            LOG.info("validation: {} segments, accuracy {}, log loss {}", score.rows(),
                    String.format(java.util.Locale.ROOT, "%.4f", score.accuracy()),
                    String.format(java.util.Locale.ROOT, "%.4f", score.logLoss()));
        }
        BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT_VERSION, productVersion, settings.kind(),
                split.labels().names(), features.settings().asMap(), 0, Map.of(FeatureInput.STATS.inputName(),
                statistics), settings.asMap(), split.summary().asMap(), java.util.List.of(), 0, "fitted", validation,
                Map.of(), Instant.now().toString(), (System.nanoTime() - start) / 1e9);
        BundleStore.writePipeline(spark.sparkContext().hadoopConfiguration(), outputUri, manifest, model);
        LOG.info("bundle written to {}", outputUri);
        return manifest;
    }

    private BundleManifest trainNetwork(FeatureRows features, SplitData split, TrainingSettings settings,
                                        String outputUri, long start) throws IOException {
        NetworkKind kind = settings.kind().network();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int partitions = Math.max(1, settings.workers() == 0 ? sc.defaultParallelism() : settings.workers());
        JavaRDD<SegmentRow> training = rows(Minibatches.shuffled(split.train(), settings.seed(), partitions));
        JavaRDD<SegmentRow> validation = rows(split.validation());
        training.persist(StorageLevel.MEMORY_AND_DISK_SER());
        try {
            SegmentRow first = training.first();
            int frames = ExampleEncoder.framesOf(first, kind);
            Normaliser normaliser = Normaliser.fit(training, kind.inputs());
            ExampleEncoder encoder = new ExampleEncoder(kind, normaliser, frames, split.labels());
            Model network = create(kind, settings, encoder);
            boolean hasValidation = split.summary().rows(DataSplit.VALIDATION) > 0;
            LOG.info("{} network: {} parameters; inputs {}, {} frames; minibatches of {}, {} on {}", kind.cliName(),
                    network.numParams(), inputs(encoder), frames, settings.batchSize(),
                    settings.mode().code(), settings.mode() == TrainingSettings.Mode.SPARK
                            ? partitions + " workers, averaging every " + settings.averagingFrequency() : "the driver");
            ProgressListener progress = epoch -> LOG.info("{}", epoch.describe());
            TrainingResult<? extends Model> result = settings.mode() == TrainingSettings.Mode.LOCAL
                    ? trainLocally(network, training, hasValidation ? validation : null, encoder, settings, progress)
                    : trainOnSpark(sc, network, training, hasValidation ? validation : null, encoder, settings,
                            partitions, outputUri, progress);
            LOG.info("training stopped ({}) after {} epochs; keeping epoch {}", result.stopReason(),
                    result.history().size(), result.keptEpoch());
            BundleManifest manifest = manifest(features, split, settings, frames, inputs(encoder), result, start);
            BundleStore.writeNetwork(spark.sparkContext().hadoopConfiguration(), outputUri, manifest,
                    result.network(), normaliser);
            LOG.info("bundle written to {}", outputUri);
            return manifest;
        } finally {
            training.unpersist(false);
        }
    }

    private static JavaRDD<SegmentRow> rows(Dataset<Row> rows) {
        return SegmentRow.of(rows).javaRDD();
    }

    private static Map<String, Integer> inputs(ExampleEncoder encoder) {
        Map<String, Integer> inputs = new LinkedHashMap<>();
        for (FeatureInput input : encoder.kind().inputs()) {
            inputs.put(input.inputName(), encoder.coefficients(input));
        }
        return inputs;
    }

    private static Model create(NetworkKind kind, TrainingSettings settings, ExampleEncoder encoder) {
        int classes = encoder.labels().size();
        return switch (kind) {
            case LSTM -> new LstmNetwork(settings.lstm().withOptimization(settings.optimization()))
                    .create(encoder.coefficients(FeatureInput.MFCC), classes);
            case CNN -> new CnnNetwork(settings.cnn().withOptimization(settings.optimization()))
                    .create(encoder.coefficients(FeatureInput.LOGMEL), encoder.frames(), classes);
            case MERGED -> new MergedNetwork(settings.merged().withOptimization(settings.optimization()))
                    .create(encoder.coefficients(FeatureInput.MFCC), encoder.coefficients(FeatureInput.CONTRAST),
                            encoder.frames(), classes);
            case DENSE -> new DenseNetwork(settings.dense().withOptimization(settings.optimization()))
                    .create(encoder.coefficients(FeatureInput.STATS), classes);
        };
    }

    @SuppressWarnings("unchecked")
    private static TrainingResult<? extends Model> trainLocally(Model network, JavaRDD<SegmentRow> training,
                                                               JavaRDD<SegmentRow> validation, ExampleEncoder encoder,
                                                               TrainingSettings settings, ProgressListener progress) {
        ShuffledBatches train = new ShuffledBatches(
                Minibatches.local(training.toLocalIterator(), encoder, settings.batchSize()), settings.seed(), true);
        ShuffledBatches check = validation == null ? null : new ShuffledBatches(
                Minibatches.local(validation.toLocalIterator(), encoder, settings.batchSize()), settings.seed(), false);
        if (network instanceof MultiLayerNetwork multiLayer) {
            return new LocalTrainer<MultiLayerNetwork>().train(multiLayer, train, check, settings.trainer(), progress);
        }
        return new LocalTrainer<ComputationGraph>().train((ComputationGraph) network, train, check,
                settings.trainer(), progress);
    }

    private TrainingResult<? extends Model> trainOnSpark(JavaSparkContext sc, Model network,
                                                        JavaRDD<SegmentRow> training, JavaRDD<SegmentRow> validation,
                                                        ExampleEncoder encoder, TrainingSettings settings,
                                                        int partitions, String outputUri, ProgressListener progress)
            throws IOException {
        // DL4J exports the minibatches below a folder every executor can reach: beside the bundle, job-scoped.
        Path output = new Path(outputUri);
        Path exportRoot = new Path(output.getParent(), "." + output.getName() + ".dl4j-export-" + UUID.randomUUID());
        SparkTrainingSettings spark = new SparkTrainingSettings(partitions, settings.batchSize(),
                settings.averagingFrequency(), settings.prefetchBatches(), exportRoot.toString(),
                StorageLevel.MEMORY_AND_DISK_SER());
        org.apache.hadoop.fs.FileSystem fs = exportRoot.getFileSystem(sc.hadoopConfiguration());
        try {
            if (network instanceof MultiLayerNetwork multiLayer) {
                return new SparkTrainer(sc, spark).train(multiLayer,
                        Minibatches.dataSets(training, encoder, settings.batchSize()),
                        validation == null ? null : Minibatches.dataSets(validation, encoder, settings.batchSize()),
                        settings.trainer(), progress);
            }
            return new SparkGraphTrainer(sc, spark).train((ComputationGraph) network,
                    Minibatches.multiDataSets(training, encoder, settings.batchSize()),
                    validation == null ? null : Minibatches.multiDataSets(validation, encoder, settings.batchSize()),
                    settings.trainer(), progress);
        } finally {
            fs.delete(exportRoot, true);
        }
    }

    private BundleManifest manifest(FeatureRows features, SplitData split, TrainingSettings settings, int frames,
                                    Map<String, Integer> inputs, TrainingResult<? extends Model> result, long start) {
        Map<String, Object> validation = new LinkedHashMap<>();
        EpochRecord kept = result.history().stream().filter(r -> r.epoch() == result.keptEpoch()).findFirst()
                .orElse(null);
        validation.put("loss", kept == null || Double.isNaN(kept.validationLoss()) ? null : kept.validationLoss());
        validation.put("accuracy", kept == null || Double.isNaN(kept.validationAccuracy()) ? null
                : kept.validationAccuracy());
        return new BundleManifest(BundleManifest.FORMAT_VERSION, productVersion, settings.kind(),
                split.labels().names(), features.settings().asMap(), frames, inputs, settings.asMap(),
                split.summary().asMap(), result.history(), result.keptEpoch(), result.stopReason().name()
                        .toLowerCase(java.util.Locale.ROOT), validation, Map.of(), Instant.now().toString(),
                (System.nanoTime() - start) / 1e9);
    }
}
