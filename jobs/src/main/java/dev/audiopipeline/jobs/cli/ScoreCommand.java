package dev.audiopipeline.jobs.cli;

import dev.audiopipeline.jobs.config.JobConfig;
import dev.audiopipeline.jobs.config.Settings;
import dev.audiopipeline.jobs.spark.SparkSessions;
import dev.audiopipeline.pipeline.store.IncompatibleOutputException;
import dev.audiopipeline.training.bundle.BundleException;
import dev.audiopipeline.training.prediction.TrackAggregation;
import dev.audiopipeline.training.score.ScoreJob;
import dev.audiopipeline.training.score.ScoreSettings;
import dev.audiopipeline.training.score.ScoreSummary;
import dev.audiopipeline.training.score.ScoredTrack;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Scores a music library with a model bundle: per-track predictions, tags compared, a relabel manifest. */
@Command(
        name = "score",
        mixinStandardHelpOptions = true,
        header = "Scores a music library with a model: per-track labels, confidence, tags compared, relabel.csv.",
        sortOptions = false,
        description = {
            "Decodes every audio file under --input (any format and filesystem extract reads; or one file), cuts "
                    + "and computes the features the model reads with the bundle's own settings, scores the "
                    + "segments on the executors (the model loaded once per executor) and aggregates them per "
                    + "track (mean probability, or --vote), then writes to --output: predictions/ (Parquet) and "
                    + "predictions.csv (path, predicted_label, confidence, top_k, segments, uncertain, "
                    + "existing_label, tag_source, ...), relabel.csv (confident predictions that differ from the "
                    + "file's genre tag), rejected/, _summary.json and report.html. --features scores an extract "
                    + "output made with the bundle's settings instead of decoding again.",
            "--incremental (nightly runs): when --output holds an earlier run's scores, made with the same model and "
                    + "settings, only files new or changed since are read and scored; their rows replace the earlier "
                    + "ones, the other rows are kept, and the CSV files, summary and report cover the whole output.",
            "With one file, its per-label confidences and the vote over its segments are printed too.",
            ""
        })
public final class ScoreCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "URI", description = "A model bundle.")
    String model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--input", required = true, paramLabel = "URI", description = "Audio: a folder or a file.")
        String input;

        @Option(names = "--features", required = true, paramLabel = "URI",
                description = "An extract output made with the bundle's feature settings.")
        String features;
    }

    @Option(names = "--output", required = true, paramLabel = "URI", description = "Where the results go.")
    String output;

    @Option(names = "--incremental", description = "Add to an earlier run's output: score only new or changed "
            + "files (with --input).")
    boolean incremental;

    @Option(names = "--vote", description = "Aggregate a track's segments by majority vote (setting "
            + "score.aggregation = vote) instead of mean probability.")
    boolean vote;

    @Option(names = "--top-k", paramLabel = "K", description = "Labels listed per track (score.top-k).")
    Integer topK;

    @Option(names = "--uncertain-below", paramLabel = "X",
            description = "Confidence under which a track is uncertain, never relabelled (score.uncertain-below).")
    Double uncertainBelow;

    @Option(names = "--tag-mapping", paramLabel = "URI",
            description = "A file mapping tag spellings to labels, 'Hip-Hop = hiphop' (score.tag-mapping).")
    String tagMapping;

    @Mixin ConfigOptions configOptions;

    @Mixin SparkOptions sparkOptions;

    @Override
    public Integer call() {
        JobConfig config = configOptions.builder()
                .option(Settings.SCORE_AGGREGATION, "--vote", vote ? "vote" : null)
                .option(Settings.SCORE_TOP_K, "--top-k", topK)
                .option(Settings.SCORE_UNCERTAIN_BELOW, "--uncertain-below", uncertainBelow)
                .option(Settings.SCORE_TAG_MAPPING, "--tag-mapping", tagMapping)
                .build();
        ScoreSettings settings = settings(config);
        if (incremental && source.features != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--incremental scores audio (--input): "
                    + "for features, run extract --incremental and score its output into a new --output");
        }
        SparkSession spark = SparkSessions.start("audio-pipeline score", config, sparkOptions.master(), true);
        try {
            ScoreJob job = new ScoreJob(spark);
            ScoreJob.Result result = source.input != null ? job.scoreAudio(model, source.input, settings, output,
                    incremental)
                    : job.scoreFeatures(model, source.features, settings, output);
            PrintWriter out = spec.commandLine().getOut();
            var summary = result.summary();
            if (incremental) {
                out.printf(Locale.ROOT, "incremental: %d of %d files new or changed, read and scored%n",
                        summary.filesRead(), summary.filesSeen());
            }
            out.println(describe(summary, output));
            if (summary.tracksScored() == 1) {
                ScoredTrack track = result.firstTracks().get(0);
                out.printf(Locale.ROOT, "%s: %s (%.3f%s), %d segments%n", track.getPath(), track.getPredictedLabel(),
                        track.getConfidence(), track.isUncertain() ? ", uncertain" : "", track.getSegments());
                out.printf(Locale.ROOT, "  %-20s %12s %14s%n", "label", "mean prob.", "segment votes");
                for (int i = 0; i < result.labels().size(); i++) {
                    double[] votes = track.getVoteShares();
                    out.printf(Locale.ROOT, "  %-20s %12.3f %14s%n", result.labels().name(i), track.getScores()[i],
                            votes == null ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * votes[i]));
                }
            }
            out.flush();
            return 0;
        } catch (FileNotFoundException | FileAlreadyExistsException | IncompatibleOutputException
                 | BundleException e) {
            throw new JobFailedException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new JobFailedException(e.getMessage(), e);
        } catch (IOException e) {
            throw new JobFailedException("score failed: " + e, e);
        } finally {
            spark.stop();
        }
    }

    /** The score settings of a job's configuration. */
    static ScoreSettings settings(JobConfig config) {
        return new ScoreSettings(config.get(Settings.SCORE_AGGREGATION).equals("vote")
                ? TrackAggregation.MAJORITY_VOTE : TrackAggregation.MEAN_PROBABILITY, config.get(Settings.SCORE_TOP_K),
                config.get(Settings.SCORE_UNCERTAIN_BELOW), config.get(Settings.SCORE_TAG_MAPPING),
                config.get(Settings.SCORE_FILE_TIMEOUT_SECONDS), config.get(Settings.PARQUET_CODEC));
    }

    /** The line {@code score} prints: tracks, uncertain, rejected, agreement with tags, to relabel, where. */
    static String describe(ScoreSummary summary, String output) {
        return String.format(Locale.ROOT, "%d tracks scored (%d uncertain), %d rejected; agreement with tags %s; %d "
                        + "to relabel -> %s (predictions.csv, relabel.csv, report.html)", summary.tracksScored(),
                summary.uncertain(), summary.filesRejected(), summary.tagged() == 0 ? "n/a (no tag maps to a label)"
                        : String.format(Locale.ROOT, "%.3f of %d", summary.agreeing() / (double) summary.tagged(),
                        summary.tagged()), summary.relabel(), output);
    }
}
