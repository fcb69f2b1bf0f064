package dev.audiopipeline.jobs.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.audiopipeline.pipeline.testing.MiniHdfs;
import dev.audiopipeline.pipeline.testing.SparkTestSession;
import dev.audiopipeline.pipeline.testing.TestScratch;
import dev.audiopipeline.training.bundle.BundleStore;
import dev.audiopipeline.training.bundle.ModelBundle;
import dev.audiopipeline.training.bundle.ModelKind;
import dev.audiopipeline.training.trainer.EpochRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The shaded jar, as users deploy it: spark-submit (client mode, {@code conf/spark-defaults.conf.example} as the
 * properties file) to a real standalone cluster of two one-core workers whose executors are separate JVMs, every
 * input and output on a real HDFS (a MiniDFSCluster in this JVM). One cluster and one HDFS for the whole flow, in
 * order: doctor; extract of labelled audio; train dense (DL4J parameter averaging over both executors) while an
 * executor dies; train rf (Spark ML); evaluate both; score a library of audio while an executor dies.
 *
 * <p>The deaths are {@link ExecutorKillerPlugin}'s, as in {@link ExtractExecutorDeathIT}: the executor JVM halts
 * at the start of a task, the worker starts another, Spark runs the lost tasks again. The bundle must still read
 * back whole (every file's SHA-256 as bundle.json lists it) and score must still give every track exactly once,
 * with exactly its segments.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkSubmitClusterIT {

    private static final List<String> OPENS = StandaloneCluster.opensOfThisJvm();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 300;
    private static final int EPOCHS = 3;
    private static final int WORKERS = 2;

    private static StandaloneCluster cluster;
    private static ProductSubmit submit;
    private static MiniDFSCluster hdfs;
    private static FileSystem fs;
    private static String hdfsRoot;
    private static Path work;
    private static Path pluginJar;

    /** Labelled audio (two pitch ranges, one broken file) and an unlabelled library, written locally, then to HDFS. */
    private static WavCorpus corpus;
    private static WavCorpus library;

    /** What each step left, for the next: its exit code decides whether the next can run. */
    private static final Map<String, ProcessRun> RUNS = new HashMap<>();

    @BeforeAll
    static void startClusterAndHdfs() throws Exception {
        work = TestScratch.newDirectory("standalone");
        hdfs = MiniHdfs.start("standalone-hdfs");
        fs = hdfs.getFileSystem();
        hdfsRoot = MiniHdfs.uri(hdfs);
        cluster = new StandaloneCluster(ProductSubmit.ROOT.resolve("jobs/target/spark-lib"),
                ProductSubmit.ROOT.resolve("conf/log4j2-test.properties"), work);
        cluster.start(OPENS, WORKERS, 1);
        submit = new ProductSubmit(cluster, OPENS);
        pluginJar = ClassJar.write(ExecutorKillerPlugin.class, work.resolve("executor-killer.jar"));

        corpus = new WavCorpus(work.resolve("corpus"));
        corpus.addTracks("blues", "blues", 10, 150, 29);
        corpus.addTracks("rock", "rock", 10, 1500, 61);
        corpus.addUnusable("rock", "broken.wav");
        library = new WavCorpus(work.resolve("library"));
        library.addTracks("", "low", 7, 170, 31);
        library.addTracks("", "high", 7, 1550, 53);
        library.addUnusable("", "broken.wav");
        fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(corpus.root().toUri()), hdfs("/corpus"));
        fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(library.root().toUri()), hdfs("/library"));
    }

    @AfterAll
    static void stopClusterAndHdfs() {
        if (cluster != null) {
            cluster.close();
        }
        if (hdfs != null) {
            hdfs.shutdown();
        }
    }

    @Test
    @Order(1)
    void doctorPassesOnEveryExecutorOfTheCluster() {
        ProcessRun run = submit.run(work.resolve("doctor"), TIMEOUT_SECONDS, List.of(), List.of("doctor", "--tasks", "4"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("master " + cluster.masterUrl())
                .contains("executor 0 on ")
                .doesNotContain("executor driver")
                .contains("feature kernel: ok")
                .contains("FFT: Vector API, 256-bit") // the executor got --add-modules from the example's options
                .contains("audio decoding: ok, FFmpeg libavcodec")
                .contains("ND4J backend:   ok, CpuBackend")
                .contains("OMP_NUM_THREADS=1")
                .containsPattern("all checks passed on [12] executor\\(s\\)");
    }

    @Test
    @Order(2)
    void extractReadsAudioFromHdfsAndWritesEverySegmentOnceThere() throws IOException {
        ProcessRun run = step("extract", List.of(), "extract", "--input", uri("/corpus"), "--output", uri("/features"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        WavCorpus.Expected expected = corpus.expected();
        SparkSession spark = SparkTestSession.get();
        List<Row> rows = spark.read().parquet(uri("/features/features")).select("path", "segment").collectAsList();
        Map<String, List<Integer>> segments = rows.stream().collect(Collectors.groupingBy(
                row -> relative(row.getString(0), "/corpus"),
                Collectors.mapping(row -> row.getInt(1), Collectors.toList())));
        segments.values().forEach(numbers -> numbers.sort(null));
        assertThat(segments).containsExactlyInAnyOrderEntriesOf(byName(expected.segments(), corpus.root()));
        List<Row> rejected = spark.read().parquet(uri("/features/rejected")).select("path", "reason").collectAsList();
        assertThat(rejected).extracting(row -> relative(row.getString(0), "/corpus"), row -> row.getString(1))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rock/broken.wav", "unsupported_format"));
        JsonNode summary = json("/features/_summary.json");
        assertThat(summary.get("files_seen").asLong()).isEqualTo(expected.files());
        assertThat(summary.get("files_ok").asLong()).isEqualTo(expected.segments().size());
        assertThat(summary.get("files_rejected").asLong()).isEqualTo(1);
        assertThat(summary.get("segments").asLong()).isEqualTo(expected.segmentCount());
    }

    /**
     * Parameter averaging over both executors, and one of them dies at the start of its share of an epoch: Spark
     * runs that task again (on the other executor or the one the worker starts), and the run ends as any other.
     */
    @Test
    @Order(3)
    void trainDenseAveragesOverBothExecutorsAndSurvivesALostExecutor() throws IOException {
        requireStep("extract");
        Path marker = work.resolve("train-executor-killed");
        Path events = work.resolve("train-events");
        // The second epoch's fitting, partition 1 (the first epoch's runs on both executors: a new executor takes
        // longer to start than the rest of this training, fetching the 170 MB jar on two busy cores).
        List<String> spark = new ArrayList<>(ExecutorKillerPlugin.submitOptions(pluginJar, marker, WORKERS, 1,
                "fitPaths", 1));
        spark.addAll(EventLog.options(events));

        ProcessRun run = step("train-dense", spark, "train", "--features", uri("/features"), "--model", "dense",
                "--output", uri("/models/dense"), "--mode", "spark", "--workers", String.valueOf(WORKERS),
                "--epochs", String.valueOf(EPOCHS), "--patience", "0", "--batch-size", "8");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("dense trained on 2 labels");
        assertAnExecutorWasKilled(marker, run, "of " + WORKERS + ",");

        // Every epoch's fitting ran as WORKERS tasks, on both executors; the struck one ran again, and succeeded.
        EventLog log = EventLog.read(events);
        List<EventLog.Stage> fitting = log.stagesCalledFrom("fitPaths").stream()
                .filter(stage -> stage.tasks() == WORKERS).toList();
        assertThat(fitting).as("the fitting stages").hasSizeGreaterThanOrEqualTo(EPOCHS);
        List<EventLog.Task> tasks = log.tasksOf(fitting);
        assertThat(tasks).filteredOn(EventLog.Task::succeeded).extracting(EventLog.Task::executor)
                .contains("0", "1");
        assertThat(tasks).extracting(EventLog.Task::reason).contains("ExecutorLostFailure");

        ModelBundle bundle = BundleStore.read(null, fs.getConf(), uri("/models/dense")); // SHA-256 of every file
        assertThat(bundle.kind()).isEqualTo(ModelKind.DENSE);
        assertThat(bundle.labels().names()).containsExactly("blues", "rock");
        assertThat(bundle.manifest().files()).containsKeys(BundleStore.NETWORK, BundleStore.NORMALISER);
        assertThat(bundle.manifest().history()).extracting(EpochRecord::epoch).containsExactly(1, 2, 3);
        assertThat(bundle.manifest().history()).allSatisfy(epoch ->
                assertThat(epoch.trainLoss()).isFinite().isPositive());
        assertThat(bundle.manifest().trainingSettings()).containsEntry("mode", "spark");
        assertThat(bundle.network()).isNotNull();
        assertThat(listNames("/models")).as("the bundle only: no staging or DL4J export folder left")
                .containsExactly("dense");
    }

    @Test
    @Order(4)
    void trainRandomForestWritesASparkMlBundleToHdfs() throws IOException {
        requireStep("extract");
        ProcessRun run = step("train-rf", List.of(), "train", "--features", uri("/features"), "--model", "rf",
                "--output", uri("/models/rf"), "--conf", "train.rf.trees=10");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        ModelBundle bundle = BundleStore.read(SparkTestSession.get(), fs.getConf(), uri("/models/rf"));
        assertThat(bundle.kind()).isEqualTo(ModelKind.RF);
        assertThat(bundle.labels().names()).containsExactly("blues", "rock");
        assertThat(bundle.pipeline()).isNotNull();
        assertThat(bundle.manifest().files().keySet()).anyMatch(file -> file.startsWith(BundleStore.PIPELINE + "/"));
        assertThat(fs.exists(hdfs("/models/rf/" + BundleStore.MANIFEST))).isTrue();
    }

    @Test
    @Order(5)
    void evaluateBothModelsWritesTheReportToHdfs() throws IOException {
        requireStep("train-dense");
        requireStep("train-rf");
        ProcessRun run = step("evaluate", List.of(), "evaluate", "--model", uri("/models/dense"),
                "--model", uri("/models/rf"), "--features", uri("/features"), "--report", uri("/report"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode dense = json("/report/metrics.json");
        JsonNode rf = json("/report/models/rf/metrics.json");
        for (JsonNode metrics : List.of(dense, rf)) {
            assertThat(metrics.get("labels")).extracting(JsonNode::asText).containsExactly("blues", "rock");
            long tracks = metrics.get("tracks_evaluated").asLong();
            assertThat(tracks).as("held-out tracks").isBetween(2L, 8L);
            for (String level : List.of("segment", "track")) {
                JsonNode of = metrics.get(level);
                assertThat(of.get("accuracy").asDouble()).isBetween(0.0, 1.0);
                assertThat(of.get("macro_f1").isNumber()).isTrue();
                assertThat(of.get("per_class").get("blues").get("support").asLong()
                        + of.get("per_class").get("rock").get("support").asLong()).isEqualTo(of.get("examples").asLong());
                assertThat(of.get("confusion_matrix").get("matrix")).hasSize(2);
                assertThat(of.get("roc_auc").has("macro")).isTrue();
            }
            assertThat(metrics.get("track").get("examples").asLong()).isEqualTo(tracks);
        }
        assertThat(dense.get("model_kind").asText()).isEqualTo("dense");
        assertThat(rf.get("model_kind").asText()).isEqualTo("rf");
        // Two pitch ranges an octave and more apart: a forest of 10 trees on the statistics tells them apart.
        assertThat(rf.get("track").get("accuracy").asDouble()).isGreaterThanOrEqualTo(0.8);
        assertThat(dense.get("tracks_evaluated").asLong()).isEqualTo(rf.get("tracks_evaluated").asLong());
        List<String> csv = lines("/report/predictions.csv");
        assertThat(csv).hasSize(1 + (int) dense.get("tracks_evaluated").asLong());
        assertThat(csv.get(0)).startsWith("path,track_id,label,predicted_label");
        assertThat(lines("/report/models/rf/predictions.csv")).hasSameSizeAs(csv);
        assertThat(fs.getFileStatus(hdfs("/report/report.html")).getLen()).isGreaterThan(10_000);
    }

    /** Score of audio on HDFS while an executor dies: one row per track, each once, with exactly its segments. */
    @Test
    @Order(6)
    void scoreLosingAnExecutorWritesEveryTrackOnce() throws IOException {
        requireStep("train-dense");
        Path marker = work.resolve("score-executor-killed");
        int inputs = library.expected().files();
        // ScoreJob cuts its inputs into max(min(inputs, parallelism), ceil(inputs / 4)) tasks: 4 for 15 inputs.
        int tasks = Math.max(Math.min(inputs, WORKERS), (inputs + 3) / 4);
        ProcessRun run = step("score", killer(marker, tasks, 2, null), "score", "--model", uri("/models/dense"),
                "--input", uri("/library"), "--output", uri("/scores"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertAnExecutorWasKilled(marker, run, "partition 2 of " + tasks + ",");

        WavCorpus.Expected expected = library.expected();
        Map<String, Integer> segments = byName(expected.segments(), library.root()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().size()));
        List<Row> rows = SparkTestSession.get().read().parquet(uri("/scores/predictions"))
                .select("path", "segments", "predicted_label", "confidence").collectAsList();
        assertThat(rows).extracting(row -> relative(row.getString(0), "/library"))
                .as("every track once").containsExactlyInAnyOrderElementsOf(segments.keySet());
        Map<String, Integer> scoredSegments = rows.stream().collect(Collectors.toMap(
                row -> relative(row.getString(0), "/library"), row -> ((Number) row.get(1)).intValue()));
        assertThat(scoredSegments).as("every segment once").isEqualTo(segments);
        assertThat(rows).extracting(row -> row.getString(2)).isSubsetOf("blues", "rock");
        assertThat(rows).allSatisfy(row -> assertThat(row.getDouble(3)).isBetween(0.5, 1.0));

        List<String> csv = lines("/scores/predictions.csv");
        assertThat(csv.get(0)).startsWith("path,predicted_label,confidence,top_k,segments,uncertain,existing_label,"
                + "tag_source");
        assertThat(csv.subList(1, csv.size())).extracting(line -> relative(line.substring(0, line.indexOf(',')),
                "/library")).containsExactlyInAnyOrderElementsOf(segments.keySet());
        List<Row> rejected = SparkTestSession.get().read().parquet(uri("/scores/rejected"))
                .select("path", "reason").collectAsList();
        assertThat(rejected).extracting(row -> relative(row.getString(0), "/library"), row -> row.getString(1))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("broken.wav", "unsupported_format"));
        JsonNode summary = json("/scores/_summary.json");
        assertThat(summary.get("files_seen").asLong()).isEqualTo(inputs);
        assertThat(summary.get("tracks_scored").asLong()).isEqualTo(segments.size());
        assertThat(summary.get("files_rejected").asLong()).isEqualTo(1);
        assertThat(summary.get("segments").asLong()).isEqualTo(expected.segmentCount());
        assertThat(listNames("/")).as("the results, no staging folder left").contains("scores")
                .noneMatch(name -> name.startsWith("."));
    }

    // ---- helpers ----

    /** Runs a job on the cluster, HDFS written with one replica (one DataNode), and keeps its result. */
    private static ProcessRun step(String name, List<String> sparkOptions, String... job) {
        List<String> options = new ArrayList<>(ProductSubmit.conf("spark.hadoop.dfs.replication=1"));
        options.addAll(sparkOptions);
        ProcessRun run = submit.run(work.resolve(name), TIMEOUT_SECONDS, options, Arrays.asList(job));
        RUNS.put(name, run);
        return run;
    }

    private static void requireStep(String name) {
        ProcessRun run = RUNS.get(name);
        assertThat(run).as("the %s step ran before this one", name).isNotNull();
        assertThat(run.exitCode()).as("the %s step, needed here, failed: %s", name, run).isZero();
    }

    /** The plugin, shipped with --jars, set to halt one executor (see {@link ExecutorKillerPlugin}). */
    private static List<String> killer(Path marker, int stageTasks, int fromPartition, String callSite) {
        return ExecutorKillerPlugin.submitOptions(pluginJar, marker, stageTasks, fromPartition, callSite);
    }

    private static void assertAnExecutorWasKilled(Path marker, ProcessRun run, String where) {
        assertThat(marker).as("the plugin killed an executor: else this test proves nothing").exists();
        assertThat(marker).content(StandardCharsets.UTF_8).contains(" halted at the start of stage ").contains(where)
                .contains("attempt 0");
        assertThat(run.err()).contains("Lost executor ").contains("ExecutorLostFailure (executor ");
    }

    private static org.apache.hadoop.fs.Path hdfs(String path) {
        return new org.apache.hadoop.fs.Path(hdfsRoot + path);
    }

    private static String uri(String path) {
        return hdfsRoot + path;
    }

    /** A stored path ({@code hdfs://host:port/corpus/blues/x.wav}) relative to a folder of the HDFS root. */
    private static String relative(String stored, String folder) {
        String path = new org.apache.hadoop.fs.Path(stored).toUri().getPath();
        assertThat(path).startsWith(folder + "/");
        return path.substring(folder.length() + 1);
    }

    /** Expected segments by path relative to the local corpus root (the same relative path on HDFS). */
    private static Map<String, List<Integer>> byName(Map<Path, List<Integer>> segments, Path root) {
        return segments.entrySet().stream().collect(Collectors.toMap(
                entry -> root.relativize(entry.getKey()).toString(), Map.Entry::getValue));
    }

    private static JsonNode json(String path) throws IOException {
        try (InputStream in = fs.open(hdfs(path))) {
            return JSON.readTree(in);
        }
    }

    private static List<String> lines(String path) throws IOException {
        try (InputStream in = fs.open(hdfs(path))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static List<String> listNames(String folder) throws IOException {
        return Arrays.stream(fs.listStatus(hdfs(folder))).map(FileStatus::getPath)
                .map(org.apache.hadoop.fs.Path::getName).sorted().toList();
    }
}
