package dev.audiopipeline.jobs.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.audiopipeline.jobs.ProjectRoot;
import dev.audiopipeline.jobs.launcher.PublishedOutput.Segment;
import dev.audiopipeline.pipeline.extract.FeatureExtractionJob;
import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An executor that dies mid-job still gives complete output with no duplicate rows. The shaded jar runs
 * {@code extract} on a real standalone cluster (one worker, one 2-core executor at a time), and
 * {@link ExecutorKillerPlugin} halts the executor's JVM once per run, at the start of a task of the extraction
 * stage, after two of its tasks have finished and while another one runs. The worker starts a new executor, Spark
 * runs the lost tasks again, and the output must hold every track's segments exactly once and every unusable file's
 * rejection exactly once, as if nothing had happened: first for a new output, then for an incremental run on it.
 *
 * <p>The plugin travels with {@code --jars}, as a user would ship one: in client mode spark-submit puts the jar on
 * the driver's class loader (the driver instantiates every {@code spark.plugins} class too), and executors fetch
 * the application's jars ({@code spark.app.initial.jar.urls}) before they load plugins, so the relaunched executor
 * gets it as well. {@code spark.executor.extraClassPath} with the test classes would reach the executors only, and
 * put every test class in front of the application jar.
 */
class ExtractExecutorDeathIT {

    private static final Path ROOT = ProjectRoot.get();
    private static final List<String> OPENS = StandaloneCluster.opensOfThisJvm();
    /** The extraction stage has ceil(files / FILES_PER_TASK) tasks (more files than cores here). */
    private static final int FILES_PER_TASK = FeatureExtractionJob.FILES_PER_TASK;
    /** With one 2-core executor, partition 3 of a stage starts only once two of its tasks have finished. */
    private static final int KILL_FROM_PARTITION = 3;
    private static final double SEGMENT_SECONDS = 3.0;

    private static StandaloneCluster cluster;
    private static Path work;
    private static Path pluginJar;
    private static WavCorpus corpus;
    private static Path output;

    /** The first run, into a new output: what it printed, what it published, what it had to publish. */
    private static Attempt first;
    private static PublishedOutput firstPublished;
    private static WavCorpus.Expected firstExpected;

    /** The first run is made here, so that the incremental test can build on it whichever test runs first. */
    @BeforeAll
    static void extractIntoANewOutputLosingAnExecutor() throws Exception {
        work = TestScratch.newDirectory("executor-death");
        cluster = new StandaloneCluster(ROOT.resolve("jobs/target/spark-lib"),
                ROOT.resolve("conf/log4j2-test.properties"), work);
        cluster.start(OPENS, 2);
        pluginJar = ClassJar.write(ExecutorKillerPlugin.class, work.resolve("executor-killer.jar"));

        corpus = new WavCorpus(work.resolve("corpus"));
        corpus.addTracks("blues", "blues", 20);
        corpus.addTracks("rock", "rock", 20);
        corpus.addUnusable("rock", "broken.wav");
        firstExpected = corpus.expected();
        output = work.resolve("out");
        first = extractLosingAnExecutor("first", firstExpected.files());
        if (first.run().exitCode() == 0) {
            firstPublished = PublishedOutput.read(output);
        }
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aRunThatLosesAnExecutorPublishesEveryFileOnce() {
        assertOneExecutorDiedAndTheJobWentOn(first);
        firstPublished.assertComplete(firstExpected);
        JsonNode summary = firstPublished.summary();
        assertThat(firstPublished.features()).extracting(Segment::run).containsOnly(summary.get("run").asText());
        assertThat(summary.get("incremental").asBoolean()).isFalse();
        assertThat(summary.get("files_seen").asLong()).isEqualTo(firstExpected.files());
        assertThat(summary.get("files_ok").asLong()).isEqualTo(firstExpected.segments().size());
        assertThat(summary.get("files_rejected").asLong()).isEqualTo(firstExpected.unusable().size());
        assertThat(summary.get("segments").asLong()).isEqualTo(firstExpected.segmentCount());
        assertSummaryCountsTheRunsRows(firstPublished);
    }

    @Test
    void anIncrementalRunThatLosesAnExecutorPublishesEveryFileOnce() throws IOException {
        assertThat(first.run().exitCode()).as("the first run: %s", first.run()).isZero();
        String firstRun = firstPublished.summary().get("run").asText();
        corpus.addTracks("pop", "pop", 24);
        Path changed = corpus.addTrack("blues", "blues-00.wav", 6.5, 523); // was 3.2 s, one segment: now two
        corpus.addUnusable("pop", "broken.wav");

        Attempt second = extractLosingAnExecutor("second", 24 + 1 + 1, "--incremental");

        assertOneExecutorDiedAndTheJobWentOn(second);
        PublishedOutput published = PublishedOutput.read(output);
        published.assertComplete(corpus.expected());
        JsonNode summary = published.summary();
        String secondRun = summary.get("run").asText();
        assertThat(published.features()).filteredOn(row -> row.path().equals(changed))
                .extracting(Segment::run).containsExactly(secondRun, secondRun);
        Set<Path> untouched = firstExpected.segments().keySet().stream().filter(path -> !path.equals(changed))
                .collect(Collectors.toSet());
        assertThat(published.features()).filteredOn(row -> untouched.contains(row.path()))
                .extracting(Segment::run).isNotEmpty().containsOnly(firstRun);
        assertThat(summary.get("incremental").asBoolean()).isTrue();
        assertThat(summary.get("files_seen").asLong()).isEqualTo(corpus.expected().files());
        assertThat(summary.get("files_new").asLong()).isEqualTo(25);
        assertThat(summary.get("files_changed").asLong()).isEqualTo(1);
        assertThat(summary.get("files_unchanged").asLong()).isEqualTo(firstExpected.files() - 1);
        assertThat(summary.get("files_ok").asLong()).isEqualTo(25);
        assertThat(summary.get("files_rejected").asLong()).isEqualTo(1);
        assertSummaryCountsTheRunsRows(published);
    }

    /** One spark-submit of extract, and where to look for what happened to its executors. */
    private record Attempt(ProcessRun run, Path marker, Set<Path> applications) {}

    /**
     * Runs extract on the cluster with the plugin set to halt the executor at the start of partition
     * {@value #KILL_FROM_PARTITION} of the extraction stage, which has one task per 8 of the files to process.
     */
    private static Attempt extractLosingAnExecutor(String name, int filesToProcess, String... extractOptions)
            throws IOException {
        Path marker = work.resolve(name + "-executor-killed");
        int tasks = (filesToProcess + FILES_PER_TASK - 1) / FILES_PER_TASK;
        List<String> spark = new ArrayList<>(List.of(
                // Spark's default, said here: one lost executor costs the tasks on it one of their 4 attempts.
                "--conf", "spark.task.maxFailures=4"));
        spark.addAll(ExecutorKillerPlugin.submitOptions(pluginJar, marker, tasks, KILL_FROM_PARTITION, null));
        List<String> job = new ArrayList<>(List.of(
                "extract", "--input", corpus.root().toString(), "--output", output.toString()));
        job.addAll(List.of(extractOptions));

        Set<Path> before = applications();
        ProcessRun run = new ProductSubmit(cluster, OPENS).run(work.resolve(name), 300, spark, job);
        Set<Path> started = applications();
        started.removeAll(before);
        return new Attempt(run, marker, started);
    }

    private static void assertOneExecutorDiedAndTheJobWentOn(Attempt attempt) {
        ProcessRun run = attempt.run();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(attempt.marker()).as("the plugin killed an executor: else this test proves nothing").exists();
        assertThat(attempt.marker()).content(StandardCharsets.UTF_8)
                .startsWith("executor 0 halted at the start of stage ")
                .contains(", partition " + KILL_FROM_PARTITION + " of ")
                .contains("attempt 0");
        // What the driver logs at warn level: the executor lost, and the tasks that were running on it. The reason
        // is the worker's "Command exited with code 137" or the closed connection, whichever reaches the driver first.
        assertThat(run.err()).contains("Lost executor 0 on 127.0.0.1: ").contains("ExecutorLostFailure (executor 0 ");

        // The worker started a second executor for the application after the first one died.
        assertThat(attempt.applications()).hasSize(1);
        Path application = attempt.applications().iterator().next();
        assertThat(application.resolve("0/stderr")).content(StandardCharsets.UTF_8)
                .contains("ExecutorKillerPlugin: executor 0 halted at the start of stage ");
        assertThat(application.resolve("1/stderr")).exists();
    }

    /** _summary.json counts what the last run published. */
    private static void assertSummaryCountsTheRunsRows(PublishedOutput published) {
        JsonNode summary = published.summary();
        String run = summary.get("run").asText();
        List<Segment> rows = published.featuresOf(run);
        assertThat(summary.get("segments").asLong()).isEqualTo(rows.size());
        assertThat(summary.get("files_ok").asLong()).isEqualTo(rows.stream().map(Segment::path).distinct().count());
        assertThat(summary.get("files_rejected").asLong()).isEqualTo(published.rejectedOf(run).size());
        assertThat(summary.get("audio_seconds").asDouble())
                .isCloseTo(rows.size() * SEGMENT_SECONDS, Offset.offset(1e-6));
    }

    /** The application folders in the worker's work directory. */
    private static Set<Path> applications() throws IOException {
        Path folder = cluster.workerDirectory();
        if (!Files.isDirectory(folder)) {
            return new HashSet<>();
        }
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.collect(Collectors.toCollection(HashSet::new));
        }
    }
}
