package dev.audiopipeline.jobs.cli;

import dev.audiopipeline.jobs.config.JobConfig;
import dev.audiopipeline.jobs.spark.SparkSessions;
import dev.audiopipeline.pipeline.store.IncompatibleOutputException;
import dev.audiopipeline.training.bundle.BundleException;
import dev.audiopipeline.training.datasets.DataSplit;
import dev.audiopipeline.training.evaluate.EvaluationJob;
import dev.audiopipeline.training.evaluation.ModelEvaluation;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Measures one or more model bundles on held-out tracks and writes metrics, predictions and an HTML report. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        header = "Measures model bundles on held-out tracks: metrics.json, predictions and report.html.",
        sortOptions = false,
        description = {
            "Scores the --split tracks (default test: the tracks training held out, split as the first model's "
                    + "training split them) of an extract output with each --model, and writes to --report: "
                    + "metrics.json (segment, track by mean probability and track by majority vote: accuracy, "
                    + "macro F1, per-class precision/recall/F1/support, confusion matrix, ROC AUC, PR-AUC, top-2 "
                    + "accuracy, calibration error), predictions.csv and predictions/ (Parquet, tracks and "
                    + "segments) and report.html (one self-contained page; several models are compared in it; "
                    + "further models' files go to models/NAME/). Features computed with other settings than a "
                    + "model's are refused, naming the settings that differ.",
            ""
        })
public final class EvaluateCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "URI",
            description = "A model bundle (train --output); repeat to compare several.")
    List<String> models;

    @Option(names = "--features", required = true, paramLabel = "URI", description = "An extract output.")
    String features;

    @Option(names = "--report", required = true, paramLabel = "DIR", description = "Where the report goes.")
    String report;

    @Option(names = "--split", paramLabel = "test|validation|train", defaultValue = "test",
            description = "Which tracks to evaluate on (default: ${DEFAULT-VALUE}).")
    String split;

    @Mixin ConfigOptions configOptions;

    @Mixin SparkOptions sparkOptions;

    @Override
    public Integer call() {
        DataSplit part;
        try {
            part = DataSplit.valueOf(split.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--split: expected test, "
                    + "validation or train, got '" + split + "'");
        }
        JobConfig config = configOptions.builder().build();
        SparkSession spark = SparkSessions.start("audio-pipeline evaluate", config, sparkOptions.master(), true);
        try {
            List<ModelEvaluation> evaluations = new EvaluationJob(spark).run(models, features, part, report);
            PrintWriter out = spec.commandLine().getOut();
            describe(evaluations, part).forEach(out::println);
            out.printf("report: %s/report.html (metrics.json, predictions.csv, predictions/ beside it)%n",
                    report.replaceAll("/+$", ""));
            out.flush();
            return 0;
        } catch (FileNotFoundException | IncompatibleOutputException | BundleException e) {
            throw new JobFailedException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new JobFailedException(e.getMessage(), e);
        } catch (IOException e) {
            throw new JobFailedException("evaluate failed: " + e, e);
        } finally {
            spark.stop();
        }
    }

    /** One line per model, as {@code evaluate} prints them: tracks, segments, track accuracy and macro F1. */
    static List<String> describe(List<ModelEvaluation> evaluations, DataSplit part) {
        return evaluations.stream().map(evaluation -> String.format(Locale.ROOT,
                "%s (%s) on %d %s tracks, %d segments: track accuracy %.3f, macro F1 %.3f (by vote %.3f); segment "
                        + "accuracy %.3f", evaluation.model().name(), evaluation.model().kind(),
                evaluation.tracksEvaluated(), part.code(), evaluation.rowsEvaluated(), evaluation.track().accuracy(),
                evaluation.track().macroF1(), evaluation.trackVote().accuracy(), evaluation.segment().accuracy()))
                .toList();
    }
}
