package dev.audiopipeline.jobs.cli;

import dev.audiopipeline.jobs.config.JobConfig;
import dev.audiopipeline.jobs.config.TrainingSettingsConfig;
import dev.audiopipeline.jobs.demo.DemoCorpus;
import dev.audiopipeline.jobs.demo.DemoFindings;
import dev.audiopipeline.jobs.demo.DemoHeadline;
import dev.audiopipeline.jobs.demo.DemoLayout;
import dev.audiopipeline.jobs.demo.DemoLibrary;
import dev.audiopipeline.jobs.demo.DemoProgress;
import dev.audiopipeline.jobs.demo.PlannedTrack;
import dev.audiopipeline.jobs.demo.TrackFormat;
import dev.audiopipeline.jobs.spark.SparkSessions;
import dev.audiopipeline.pipeline.corpus.GenreStyle;
import dev.audiopipeline.pipeline.extract.ExtractionSummary;
import dev.audiopipeline.pipeline.track.ExtractionSettings;
import dev.audiopipeline.training.bundle.BundleManifest;
import dev.audiopipeline.training.bundle.ModelKind;
import dev.audiopipeline.training.datasets.DataSplit;
import dev.audiopipeline.training.evaluate.EvaluationJob;
import dev.audiopipeline.training.evaluation.ModelEvaluation;
import dev.audiopipeline.training.score.ScoreJob;
import dev.audiopipeline.training.score.ScoreSettings;
import dev.audiopipeline.training.train.TrainingSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The whole pipeline on this machine, on a corpus it generates: corpus, extract, train (dense and rf), evaluate,
 * score, in one Spark session, through the same code as the commands of each step.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        header = "The whole pipeline on a corpus it generates: extract, train, evaluate, score, on this machine.",
        sortOptions = false,
        description = {
            "Generates a small labelled corpus of synthetic music-like audio (five styles; WAV, and MP3, FLAC and Ogg "
                    + "Vorbis at 44.1 kHz stereo; a quarter of each style's tracks in test/; one file that is not "
                    + "audio), then, in one Spark session, runs what 'extract', 'train' (a dense network over the "
                    + "summary statistics and a random forest), 'evaluate' (both models in one report, on the "
                    + "held-out tracks) and 'score' (a small library of tagged tracks, some tagged wrong on "
                    + "purpose) run, printing one line per step, and ends with each model's track accuracy and macro "
                    + "F1 and where the report, the predictions and relabel.csv are. Takes a few minutes on 2 cores.",
            "Quick settings replace the shipped defaults for the demo (" + DemoCommand.PRESETS_TEXT + "); --config "
                    + "and --conf replace those. The output directory must be new or empty: the demo never deletes "
                    + "anything.",
            ""
        })
public final class DemoCommand implements Callable<Integer> {

    /** The five styles the demo generates: clearly different tempo, register, timbre, beat and noise. */
    static final List<String> LABELS = List.of("classical", "hiphop", "jazz", "metal", "reggae");

    /**
     * The demo's quicker settings, {@code key=value} comma-separated (a constant, for the help text); the user's
     * --config files and --conf options replace them.
     */
    static final String PRESETS_TEXT = "train.rf.trees=30, train.rf.max-depth=10, train.epochs=20, train.patience=5";

    static final Map<String, String> PRESETS = presets(PRESETS_TEXT);

    private static final int STEPS = 8;

    @Spec CommandSpec spec;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "audio-pipeline-demo",
            description = "Local directory for everything the demo writes; must be new or empty (default: "
                    + "${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--tracks-per-label", paramLabel = "N", defaultValue = "20", hidden = true,
            description = "Tracks generated per label, a quarter of them held out for testing (tests use fewer).")
    int tracksPerLabel;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "12", hidden = true,
            description = "Length of every generated track.")
    double seconds;

    @Mixin ConfigOptions configOptions;

    @Mixin SparkOptions sparkOptions;

    private static Map<String, String> presets(String text) {
        Map<String, String> presets = new LinkedHashMap<>();
        for (String assignment : text.split(",\\s*")) {
            int equals = assignment.indexOf('=');
            presets.put(assignment.substring(0, equals), assignment.substring(equals + 1));
        }
        return java.util.Collections.unmodifiableMap(presets);
    }

    @Override
    public Integer call() {
        DemoCorpus corpus;
        try {
            corpus = new DemoCorpus(styles(), tracksPerLabel, seconds, 1);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        DemoLibrary library = library(seconds);
        DemoLayout layout = new DemoLayout(output);
        requireNewOrEmpty(layout.root());
        JobConfig config = configOptions.builder(PRESETS, "demo").build();
        ExtractionSettings extraction = ExtractCommand.settings(config);
        TrainingSettings dense = TrainingSettingsConfig.from(config, ModelKind.DENSE);
        TrainingSettings forest = TrainingSettingsConfig.from(config, ModelKind.RF);
        ScoreSettings scoring = ScoreCommand.settings(config);

        PrintWriter out = spec.commandLine().getOut();
        DemoProgress progress = new DemoProgress(out, STEPS);
        SparkSession spark = null;
        try {
            int threads = Runtime.getRuntime().availableProcessors();
            DemoCorpus.Written written = progress.step("corpus", () -> corpus.write(layout.audio(), threads),
                    w -> List.of(describeCorpus(corpus, w, layout)));
            List<PlannedTrack> libraryTracks = progress.step("library", () -> library.write(layout.library(),
                    threads), tracks -> List.of(describeLibrary(tracks, layout)));
            spark = progress.step("spark", () -> SparkSessions.start("audio-pipeline demo", config,
                    sparkOptions.master(), true), s -> List.of("session started, master " + s.sparkContext().master()
                    + ", " + s.sparkContext().defaultParallelism() + " tasks at once"));
            SparkSession session = spark;
            String features = layout.features().toString();
            progress.step("extract", () -> ExtractCommand.extract(session, config, extraction,
                    layout.audio().toString(), null, features, false),
                    (ExtractionSummary summary) -> List.of(ExtractCommand.describe(summary, features)));
            for (TrainingSettings settings : List.of(dense, forest)) {
                String bundle = layout.model(settings.kind().cliName()).toString();
                progress.step("train", () -> TrainCommand.train(session, settings, features, bundle),
                        (BundleManifest manifest) -> List.of(TrainCommand.describe(manifest, bundle)));
            }
            List<ModelEvaluation> evaluations = progress.step("evaluate", () -> new EvaluationJob(session).run(
                    List.of(layout.model(dense.kind().cliName()).toString(),
                            layout.model(forest.kind().cliName()).toString()), features, DataSplit.TEST,
                    layout.report().toString()), e -> EvaluateCommand.describe(e, DataSplit.TEST));
            String best = evaluations.stream().max(Comparator.comparingDouble(e -> e.track().macroF1()))
                    .orElseThrow().model().name();
            String scores = layout.scores().toString();
            ScoreJob.Result scored = progress.step("score", () -> new ScoreJob(session).scoreAudio(
                    layout.model(best).toString(), layout.library().toString(), scoring, scores),
                    result -> List.of("with " + best + " (the best macro F1 on test): "
                            + ScoreCommand.describe(result.summary(), scores)));
            new DemoHeadline(layout, evaluations, corpus.testPerLabel(), best, scored.summary().relabel(),
                    libraryTracks, DemoFindings.relabelled(session, scores), DemoFindings.rejected(session, features),
                    progress.elapsedSeconds()).print(out);
            return 0;
        } catch (IOException | RuntimeException e) {
            if (e instanceof picocli.CommandLine.ParameterException || e instanceof JobFailedException) {
                throw (RuntimeException) e;
            }
            throw new JobFailedException("demo failed at step " + progress.current() + ": " + e.getMessage()
                    + " (what it wrote so far is in " + layout.root() + ")", e);
        } finally {
            if (spark != null) {
                spark.stop();
            }
        }
    }

    static List<GenreStyle> styles() {
        return LABELS.stream().map(label -> GenreStyle.GTZAN_LIKE.stream().filter(s -> s.label().equals(label))
                .findFirst().orElseThrow()).toList();
    }

    /** The library the demo scores: the corpus's styles, other seeds. */
    static DemoLibrary library(double seconds) {
        return new DemoLibrary(styles(), seconds, 2);
    }

    /** The demo writes only into a new or empty directory, so that nothing of the user's is mixed in or lost. */
    private static void requireNewOrEmpty(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        if (!Files.isDirectory(root)) {
            throw new JobFailedException("--output " + root + " is a file; give a new or empty directory");
        }
        try (Stream<Path> entries = Files.list(root)) {
            if (entries.findAny().isPresent()) {
                throw new JobFailedException("--output " + root + " is not empty; give a new or empty directory "
                        + "(the demo never deletes anything), e.g. --output " + root + "-2");
            }
        } catch (IOException e) {
            throw new JobFailedException("cannot read --output " + root + ": " + e.getMessage(), e);
        }
    }

    private static String describeCorpus(DemoCorpus corpus, DemoCorpus.Written written, DemoLayout layout) {
        Map<TrackFormat, Long> formats = written.tracks().stream().collect(Collectors.groupingBy(
                PlannedTrack::format, () -> new java.util.EnumMap<>(TrackFormat.class), Collectors.counting()));
        return String.format(Locale.ROOT, "%d tracks of %.0f s, %d labels (%s) x %d, %d per label in test/; %s; "
                        + "and %s, not audio -> %s", written.tracks().size(), corpus.seconds(), corpus.styles().size(),
                String.join(", ", LABELS), corpus.tracksPerLabel(), corpus.testPerLabel(), formats(formats),
                written.brokenFile().getFileName(), layout.audio());
    }

    private static String describeLibrary(List<PlannedTrack> tracks, DemoLayout layout) {
        long tagged = tracks.stream().filter(t -> t.tag() != null).count();
        long wrong = tracks.stream().filter(PlannedTrack::mistagged).count();
        return String.format(Locale.ROOT, "%d tracks to score, %d with a genre tag (%d of them tagged wrong on "
                + "purpose), %d untagged -> %s", tracks.size(), tagged, wrong, tracks.size() - tagged, layout.library());
    }

    private static String formats(Map<TrackFormat, Long> formats) {
        return formats.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name())
                .collect(Collectors.joining(", ")) + " (WAV 22050 Hz mono, the others 44.1 kHz stereo)";
    }
}
