package dev.audiopipeline.jobs.cli;

import dev.audiopipeline.jobs.config.JobConfig;
import dev.audiopipeline.jobs.config.Settings;
import dev.audiopipeline.jobs.config.TrainingSettingsConfig;
import dev.audiopipeline.jobs.spark.SparkSessions;
import dev.audiopipeline.pipeline.store.IncompatibleOutputException;
import dev.audiopipeline.training.bundle.BundleManifest;
import dev.audiopipeline.training.bundle.ModelKind;
import dev.audiopipeline.training.train.TrainingJob;
import dev.audiopipeline.training.train.TrainingSettings;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Trains a model on extracted features and writes its bundle. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        header = "Trains a classifier on extracted features and writes a model bundle.",
        sortOptions = false,
        description = {
            "Reads the features/ table of an extract output (any filesystem URI), splits it by track (the "
                    + "extraction's test split is held out; validation tracks are carved from each label's "
                    + "training tracks), logs the rows and tracks per split and label, and trains:",
            "  lstm    two LSTM layers over MFCC sequences (seed 000), Adam 1e-4",
            "  cnn     three 3x3 convolution blocks over log-mel patches (seed 002), Adam 5e-4",
            "  merged  an MFCC branch and a spectral-contrast branch joined (seed 004), Adam 1e-3",
            "  dense   a dense network over the summary statistics (seed 003), Adam 1e-3",
            "  rf      random forest (500 trees), Spark MLlib, over the summary statistics",
            "  logreg  multinomial logistic regression, Spark MLlib, over the standardised statistics",
            "  svm     one-vs-rest linear SVMs with calibrated probabilities, Spark MLlib",
            "  mlp     multilayer perceptron 256-128, Spark MLlib",
            "  gbt     one-vs-rest gradient-boosted trees, Spark MLlib",
            "Networks train with DL4J's parameter averaging on Spark (train.mode = local: in the driver), with "
                    + "per-coefficient standardisation fitted on the training rows, early stopping on the "
                    + "validation loss and gradient clipping. Baselines are Spark ML pipelines (missing statistics "
                    + "filled with the training means; settings train.<model>.*), saved with Spark ML's writer. "
                    + "The bundle (bundle.json, the model, the normaliser) is written whole at --output, which must "
                    + "not exist.",
            ""
        })
public final class TrainCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--features", required = true, paramLabel = "URI",
            description = "An extract output (its --output): features/ and _feature_settings.json.")
    String features;

    @Option(names = "--model", required = true, paramLabel = "NAME",
            description = "lstm, cnn, merged, dense, rf, logreg, svm, mlp or gbt.")
    String model;

    @Option(names = "--output", required = true, paramLabel = "URI", description = "Where the bundle goes.")
    String output;

    @Option(names = "--epochs", paramLabel = "N", description = "Most epochs (setting train.epochs).")
    Integer epochs;

    @Option(names = "--patience", paramLabel = "N", description = "Early-stopping patience (train.patience).")
    Integer patience;

    @Option(names = "--batch-size", paramLabel = "N", description = "Segments per minibatch (train.batch-size).")
    Integer batchSize;

    @Option(names = "--learning-rate", paramLabel = "X", description = "Adam's rate (train.learning-rate).")
    Double learningRate;

    @Option(names = "--workers", paramLabel = "N",
            description = "Spark tasks training at once; 0: Spark's parallelism (train.workers).")
    Integer workers;

    @Option(names = "--mode", paramLabel = "spark|local", description = "Where a network trains (train.mode).")
    String mode;

    @Option(names = "--seed", paramLabel = "N", description = "The run's seed (train.seed).")
    Integer seed;

    @Mixin ConfigOptions configOptions;

    @Mixin SparkOptions sparkOptions;

    @Override
    public Integer call() {
        ModelKind kind;
        try {
            kind = ModelKind.fromCliName(model);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--model: " + e.getMessage());
        }
        JobConfig config = configOptions.builder()
                .option(Settings.TRAIN_EPOCHS, "--epochs", epochs)
                .option(Settings.TRAIN_PATIENCE, "--patience", patience)
                .option(Settings.TRAIN_BATCH_SIZE, "--batch-size", batchSize)
                .option(Settings.TRAIN_LEARNING_RATE, "--learning-rate", learningRate)
                .option(Settings.TRAIN_WORKERS, "--workers", workers)
                .option(Settings.TRAIN_MODE, "--mode", mode)
                .option(Settings.TRAIN_SEED, "--seed", seed)
                .build();
        TrainingSettings settings = TrainingSettingsConfig.from(config, kind);
        SparkSession spark = SparkSessions.start("audio-pipeline train " + kind.cliName(), config,
                sparkOptions.master(), true);
        try {
            BundleManifest manifest = train(spark, settings, features, output);
            PrintWriter out = spec.commandLine().getOut();
            out.println(describe(manifest, output));
            out.flush();
            return 0;
        } catch (FileNotFoundException | FileAlreadyExistsException | IncompatibleOutputException e) {
            throw new JobFailedException(e.getMessage(), e);
        } catch (IllegalArgumentException e) { // the data cannot train this model (no label, a label untrainable)
            throw new JobFailedException(e.getMessage(), e);
        } catch (IOException e) {
            throw new JobFailedException("train failed: " + e, e);
        } finally {
            spark.stop();
        }
    }

    /** Trains on a running session and writes the bundle: what {@code train} does once Spark is up. */
    static BundleManifest train(SparkSession spark, TrainingSettings settings, String features, String output)
            throws IOException {
        return new TrainingJob(spark, VersionProvider.productVersion()).run(features, settings, output);
    }

    /** The line {@code train} prints: model, labels, time, how training stopped, validation, where. */
    static String describe(BundleManifest manifest, String output) {
        String how = manifest.history().isEmpty() ? "" : String.format(Locale.ROOT, " (%s, kept epoch %d of %d)",
                manifest.stopReason().replace('_', ' '), manifest.keptEpoch(), manifest.history().size());
        return String.format(Locale.ROOT, "%s trained on %d labels in %.1f s%s: validation %s -> %s",
                manifest.kind().cliName(), manifest.labels().size(), manifest.trainingSeconds(), how,
                validation(manifest.validation()), output);
    }

    private static String validation(Map<String, Object> metrics) {
        Object accuracy = metrics.get("accuracy");
        Object loss = metrics.get("loss");
        if (accuracy == null) {
            return "none";
        }
        return String.format(Locale.ROOT, "accuracy %.3f, loss %.4f", ((Number) accuracy).doubleValue(),
                ((Number) loss).doubleValue());
    }
}
