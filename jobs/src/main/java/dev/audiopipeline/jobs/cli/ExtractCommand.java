package dev.audiopipeline.jobs.cli;

import dev.audiopipeline.jobs.config.AugmentationSettingsConfig;
import dev.audiopipeline.jobs.config.FeatureSettingsConfig;
import dev.audiopipeline.jobs.config.JobConfig;
import dev.audiopipeline.jobs.config.SegmentSettingsConfig;
import dev.audiopipeline.jobs.config.Settings;
import dev.audiopipeline.jobs.spark.SparkSessions;
import dev.audiopipeline.pipeline.extract.ExtractionSummary;
import dev.audiopipeline.pipeline.extract.FeatureExtractionJob;
import dev.audiopipeline.pipeline.source.AudioInputLister;
import dev.audiopipeline.pipeline.source.InputListing;
import dev.audiopipeline.pipeline.source.TrackSplit;
import dev.audiopipeline.pipeline.store.IncompatibleOutputException;
import dev.audiopipeline.pipeline.track.ExtractionSettings;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The Spark feature job: every audio file under a root to Parquet features, rejections and a summary. */
@Command(
        name = "extract",
        mixinStandardHelpOptions = true,
        header = "The Spark feature job: audio under a root to Parquet features, rejections and a summary.",
        sortOptions = false,
        description = {
            "Lists every file under --input (file://, hdfs://, s3a://; labels from ROOT/<label>/... or "
                    + "ROOT/train|test/<label>/..., or from --manifest), decodes, cuts and computes MFCC, log-mel, "
                    + "spectral contrast and their statistics per segment on the executors, and writes "
                    + "OUTPUT/features/ (Parquet, one row per segment), OUTPUT/rejected/ (path, reason, detail), "
                    + "OUTPUT/_feature_settings.json and OUTPUT/_summary.json. A file that cannot be used is "
                    + "rejected with its reason and never stops the job.",
            "Each run's rows go to a run=<id> partition, published only when the run is complete: a run that "
                    + "fails leaves the output as it was. Without --incremental the output must be new; with it, "
                    + "only files that are new or changed (path, size, modification time, label, split) since "
                    + "they were extracted are processed, and the rows of changed files are replaced.",
            ""
        })
public final class ExtractCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "URI", description = "Root of the audio files.")
    String input;

    @Option(names = "--output", required = true, paramLabel = "URI", description = "Where the results go.")
    String output;

    @Option(names = "--manifest", paramLabel = "CSV",
            description = "Labels (and splits) from a CSV 'path,label[,split]' instead of folders; relative paths "
                    + "are below --input.")
    String manifest;

    @Option(names = "--incremental",
            description = "Add to an existing output: process only new and changed files (for nightly runs).")
    boolean incremental;

    @Option(names = "--segment-seconds", paramLabel = "S",
            description = "Segment length in seconds (setting extract.segment-seconds).")
    Double segmentSeconds;

    @Option(names = "--augment", paramLabel = "N",
            description = "Add N augmented variants (time stretch, pitch shift, time shift, gain, noise) of every "
                    + "segment of training-split tracks (setting extract.augment.variants; the effects' ranges are "
                    + "the extract.augment.* settings).")
    Integer augmentVariants;

    @Option(names = "--matrices", paramLabel = "LIST",
            description = "The matrices each row keeps: mfcc, logmel, contrast, comma-separated, or none for the "
                    + "statistics only (setting extract.matrices; default all three).")
    String matrices;

    @Mixin ConfigOptions configOptions;

    @Mixin SparkOptions sparkOptions;

    @Override
    public Integer call() {
        JobConfig config = configOptions.builder()
                .option(Settings.SEGMENT_SECONDS, "--segment-seconds", segmentSeconds)
                .option(Settings.AUGMENT_VARIANTS, "--augment", augmentVariants)
                .option(Settings.MATRICES, "--matrices", matrices)
                .build();
        ExtractionSettings settings = settings(config);
        SparkSession spark = SparkSessions.start("audio-pipeline extract", config, sparkOptions.master());
        try {
            ExtractionSummary summary = extract(spark, config, settings, input, manifest, output, incremental);
            PrintWriter out = spec.commandLine().getOut();
            out.println(describe(summary, output));
            out.flush();
            return 0;
        } catch (FileNotFoundException | FileAlreadyExistsException e) {
            throw new JobFailedException(e.getMessage(), e);
        } catch (IllegalArgumentException | IncompatibleOutputException e) { // a manifest's mistake; other settings
            throw new JobFailedException(e.getMessage(), e);
        } catch (IOException e) {
            throw new JobFailedException("extract failed: " + e, e);
        } finally {
            spark.stop();
        }
    }

    /** The feature, segment, timeout, augmentation and matrices settings of a job's configuration. */
    static ExtractionSettings settings(JobConfig config) {
        return new ExtractionSettings(FeatureSettingsConfig.from(config), SegmentSettingsConfig.from(config),
                config.get(Settings.FILE_TIMEOUT_SECONDS), AugmentationSettingsConfig.from(config),
                ExtractionSettings.parseMatrices(config.get(Settings.MATRICES)));
    }

    /**
     * Lists {@code input} (from its layout, or from {@code manifest} when not null) and runs the feature job on a
     * running session: what {@code extract} does once Spark is up (the demo calls it too).
     */
    static ExtractionSummary extract(SparkSession spark, JobConfig config, ExtractionSettings settings, String input,
                                     String manifest, String output, boolean incremental) throws IOException {
        AudioInputLister lister = new AudioInputLister(spark.sparkContext().hadoopConfiguration(),
                new TrackSplit(config.get(Settings.TEST_FRACTION)));
        InputListing listing = manifest != null ? lister.listManifest(manifest, input) : lister.list(input);
        return new FeatureExtractionJob(spark, config.get(Settings.PARQUET_CODEC))
                .run(listing, settings, output, incremental);
    }

    /** The line {@code extract} prints: files, rejections, segments, audio, time, where. */
    static String describe(ExtractionSummary summary, String output) {
        return String.format(java.util.Locale.ROOT,
                "%d files: %d ok, %d rejected%s; %d segments, %.1f s of audio, in %.1f s -> %s (run %s)",
                summary.filesSeen(), summary.filesOk(), summary.filesRejected(),
                summary.incremental() ? ", " + summary.filesUnchanged() + " unchanged" : "", summary.segments(),
                summary.audioSeconds(), summary.wallSeconds(), output, summary.run());
    }
}
