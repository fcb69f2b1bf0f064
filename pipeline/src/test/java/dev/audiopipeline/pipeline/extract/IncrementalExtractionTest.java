package dev.audiopipeline.pipeline.extract;

import dev.audiopipeline.pipeline.store.ExtractionStore;
import dev.audiopipeline.pipeline.store.IncompatibleOutputException;
import dev.audiopipeline.pipeline.store.PublishPlan;
import dev.audiopipeline.pipeline.store.RunId;
import dev.audiopipeline.pipeline.store.RunLease;
import dev.audiopipeline.pipeline.track.ExtractionSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.audiopipeline.features.FeatureExtractor;
import dev.audiopipeline.features.FeatureSettings;
import dev.audiopipeline.pipeline.corpus.WavWriter;
import dev.audiopipeline.pipeline.segment.SegmentSettings;
import dev.audiopipeline.pipeline.source.AudioInputLister;
import dev.audiopipeline.pipeline.source.InputListing;
import dev.audiopipeline.pipeline.source.TrackSplit;
import dev.audiopipeline.pipeline.testing.SparkTestSession;
import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.SparkException;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Nightly runs into one output: only new and changed files are processed, nothing is duplicated or lost. */
@ExtendWith(SparkTestSession.class)
class IncrementalExtractionTest {

    private static final int RATE = 22050;
    private static final ExtractionSettings SETTINGS = new ExtractionSettings(FeatureSettings.defaults(),
            new SegmentSettings(3, 3, SegmentSettings.TailPolicy.DROP, 0.5, 600), 600);

    // A space in the output path: data file names travel as URIs through plans and input_file_name().
    private final Path work = TestScratch.newDirectory("incremental").resolve("night runs");

    @Test
    void reRunsAddNothingAndOnlyNewOrChangedFilesAreProcessed(SparkSession spark) throws IOException {
        Path root = work.resolve("library");
        wav(root.resolve("rock/a.wav"), tone(7.0, 220));
        wav(root.resolve("rock/b.wav"), tone(6.0, 330));
        wav(root.resolve("jazz/c.wav"), tone(3.5, 440));
        Files.writeString(root.resolve("jazz/bad.mp3"), "not audio", StandardCharsets.UTF_8);
        String output = work.resolve("out").toString();

        ExtractionSummary first = run(spark, root, output, false);
        assertThat(first).extracting(ExtractionSummary::filesOk, ExtractionSummary::filesRejected,
                ExtractionSummary::segments).containsExactly(3L, 1L, 5L);
        Map<String, Long> filesBefore = dataFiles(work.resolve("out"));
        Map<String, String> statsBefore = statsByRow(spark, output);

        ExtractionSummary again = run(spark, root, output, true);

        assertThat(again).extracting(ExtractionSummary::filesSeen, ExtractionSummary::filesOk,
                        ExtractionSummary::filesRejected, ExtractionSummary::segments,
                        ExtractionSummary::filesUnchanged)
                .containsExactly(4L, 0L, 0L, 0L, 4L);
        assertThat(dataFiles(work.resolve("out"))).as("no data file added, rewritten or removed")
                .isEqualTo(filesBefore);
        assertThat(summaryJson().get("files_unchanged").asLong()).isEqualTo(4);

        // Night 3: one new file, one changed (longer, another tone, a later time).
        wav(root.resolve("jazz/d.wav"), tone(3.2, 550));
        float[] newB = tone(9.5, 660);
        wav(root.resolve("rock/b.wav"), newB);
        touch(root.resolve("rock/b.wav"));

        ExtractionSummary third = run(spark, root, output, true);

        assertThat(third).extracting(ExtractionSummary::filesNew, ExtractionSummary::filesChanged,
                        ExtractionSummary::filesUnchanged, ExtractionSummary::filesOk, ExtractionSummary::segments)
                .containsExactly(1L, 1L, 3L, 2L, 4L);
        List<Row> rows = spark.read().parquet(output + "/features").select("path", "segment", "run")
                .orderBy("path", "segment").collectAsList();
        assertThat(rows).extracting(r -> name(r.getString(0)), r -> r.getInt(1), r -> r.getString(2)).containsExactly(
                tuple("jazz/c.wav", 0, first.run()), tuple("jazz/d.wav", 0, third.run()),
                tuple("rock/a.wav", 0, first.run()), tuple("rock/a.wav", 1, first.run()),
                tuple("rock/b.wav", 0, third.run()), tuple("rock/b.wav", 1, third.run()),
                tuple("rock/b.wav", 2, third.run()));
        // The rows kept are the ones stored before, value for value; b's rows are the new file's.
        Map<String, String> statsAfter = statsByRow(spark, output);
        for (String kept : List.of("rock/a.wav#0", "rock/a.wav#1", "jazz/c.wav#0")) {
            assertThat(statsAfter.get(kept)).isEqualTo(statsBefore.get(kept));
        }
        double[] expectedB0 = FeatureExtractor.forSettings(SETTINGS.features())
                .extract(Arrays.copyOf(newB, 3 * RATE), ExtractionSettings.MATRIX_SET)
                .statistics(ExtractionSettings.MATRICES).values();
        assertThat(statsAfter.get("rock/b.wav#0")).isEqualTo(Arrays.toString(expectedB0));
        assertThat(rejectedNames(spark, output)).containsExactly(tuple("jazz/bad.mp3", "unsupported_format"));

        // Night 4: a good file goes bad, the bad one is fixed, one is deleted from the library.
        Files.writeString(root.resolve("jazz/c.wav"), "overwritten by mistake", StandardCharsets.UTF_8);
        Files.delete(root.resolve("jazz/bad.mp3"));
        wav(root.resolve("jazz/bad.wav"), tone(3.0, 440));
        Files.delete(root.resolve("jazz/d.wav"));

        ExtractionSummary fourth = run(spark, root, output, true);

        assertThat(fourth).extracting(ExtractionSummary::filesNew, ExtractionSummary::filesChanged,
                        ExtractionSummary::filesUnchanged, ExtractionSummary::filesRemoved)
                .containsExactly(1L, 1L, 2L, 2L);
        assertThat(spark.read().parquet(output + "/features").select("path").distinct().collectAsList())
                .extracting(r -> name(r.getString(0)))
                .containsExactlyInAnyOrder("rock/a.wav", "rock/b.wav", "jazz/bad.wav", "jazz/d.wav");
        assertThat(rejectedNames(spark, output)).containsExactlyInAnyOrder(
                tuple("jazz/bad.mp3", "unsupported_format"), tuple("jazz/c.wav", "unsupported_format"));
        assertThat(work.resolve("out/_runs")).isDirectoryContaining("glob:**/" + fourth.run() + ".json");
        try (Stream<Path> runs = Files.list(work.resolve("out/_runs"))) {
            assertThat(runs.filter(p -> p.toString().endsWith(".json"))).hasSize(4);
        }
        assertThat(work.resolve("out/_staging")).satisfiesAnyOf(
                p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
    }

    @Test
    void aRunThatFailsPartWayLeavesTheOutputAsItWasAndTheNextCompletesIt(SparkSession spark) throws IOException {
        Path root = work.resolve("grow");
        for (int i = 0; i < 4; i++) {
            wav(root.resolve("pop/old" + i + ".wav"), tone(3.2, 200 + 10 * i));
        }
        String output = work.resolve("grown").toString();
        run(spark, root, output, false);
        Map<String, Long> filesBefore = dataFiles(work.resolve("grown"));
        String summaryBefore = Files.readString(work.resolve("grown/_summary.json"));
        for (int i = 0; i < 40; i++) {
            wav(root.resolve("rock/new" + i + ".wav"), tone(3.2, 300 + 10 * i));
        }

        SparkListener cancelAtFirstTaskEnd = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
                spark.sparkContext().cancelAllJobs();
            }
        };
        spark.sparkContext().addSparkListener(cancelAtFirstTaskEnd);
        try {
            assertThatThrownBy(() -> run(spark, root, output, true)).isInstanceOf(SparkException.class).hasMessageContaining("cancelled");
        } finally {
            spark.sparkContext().removeSparkListener(cancelAtFirstTaskEnd);
        }

        assertThat(dataFiles(work.resolve("grown"))).isEqualTo(filesBefore);
        assertThat(Files.readString(work.resolve("grown/_summary.json"))).isEqualTo(summaryBefore);
        assertThat(spark.read().parquet(output + "/features").count()).isEqualTo(4);

        ExtractionSummary next = run(spark, root, output, true);

        assertThat(next.filesOk()).isEqualTo(40);
        assertThat(next.filesUnchanged()).isEqualTo(4);
        List<Row> rows = spark.read().parquet(output + "/features").groupBy("path", "segment").count()
                .collectAsList();
        assertThat(rows).hasSize(44).allSatisfy(r -> assertThat(r.getLong(2)).isEqualTo(1));
        assertThat(work.resolve("grown/_staging")).isEmptyDirectory();
    }

    @Test
    void aRunInterruptedWhilePublishingIsCompletedByTheNext(SparkSession spark) throws IOException {
        Path root = work.resolve("two");
        wav(root.resolve("pop/x.wav"), tone(3.2, 300));
        wav(root.resolve("pop/y.wav"), tone(3.2, 400));
        String output = work.resolve("interrupted").toString();
        run(spark, root, output, false);
        ExtractionStore store = ExtractionStore.at(output, spark.sparkContext().hadoopConfiguration());
        List<org.apache.hadoop.fs.Path> originals = store.dataFiles(store.features());

        // A run that staged a copy of the data without y's rows, wrote its plan and then stopped after the first of
        // its steps: the copy is in place, the files it replaces are not deleted yet.
        RunId run = RunId.startingAt(java.time.Instant.now());
        org.apache.hadoop.fs.Path written = new org.apache.hadoop.fs.Path(store.staging(run), "written");
        spark.read().parquet(output + "/features").filter("path not like '%y.wav'").drop("run").coalesce(1).write()
                .parquet(written.toString());
        org.apache.hadoop.fs.Path staged = store.dataFiles(written).get(0);
        org.apache.hadoop.fs.Path copy = new org.apache.hadoop.fs.Path(originals.get(0).getParent(), "part-copy.parquet");
        PublishPlan plan = new PublishPlan(run.value(), List.of(new PublishPlan.Move(store.key(staged),
                store.key(copy))), originals.stream().map(store::key).toList(), Map.of("run", run.value()), Map.of());
        store.writePlan(plan, run);
        store.fileSystem().rename(staged, copy);
        assertThat(spark.read().parquet(output + "/features").count()).as("both files visible").isEqualTo(3);

        store.recover(RunId.startingAt(java.time.Instant.now()));

        assertThat(spark.read().parquet(output + "/features").collectAsList())
                .extracting(r -> name(r.getString(r.fieldIndex("path")))).containsExactly("pop/x.wav");
        assertThat(summaryJson(work.resolve("interrupted")).get("run").asText()).isEqualTo(run.value());
        assertThat(store.fileSystem().exists(store.staging(run))).isFalse();
        store.recover(RunId.startingAt(java.time.Instant.now())); // and again: nothing left to do
        assertThat(spark.read().parquet(output + "/features").count()).isEqualTo(1);
    }

    @Test
    void refusesWhileAnotherRunIsAliveAndTakesOverOnceItDied(SparkSession spark) throws IOException {
        Path root = work.resolve("overlap");
        wav(root.resolve("pop/x.wav"), tone(3.2, 300));
        String output = work.resolve("overlap-out").toString();
        run(spark, root, output, false);
        wav(root.resolve("pop/y.wav"), tone(3.2, 400));
        ExtractionStore store = ExtractionStore.at(output, spark.sparkContext().hadoopConfiguration());
        RunId other = RunId.startingAt(java.time.Instant.now().minusSeconds(5));
        store.writeLease(other); // a run in another driver, alive

        assertThatThrownBy(() -> run(spark, root, output, true))
                .isInstanceOf(IncompatibleOutputException.class)
                .hasMessageContaining("another extract run (" + other + ", pid " + ProcessHandle.current().pid())
                .hasMessageContaining("is writing to");
        assertThat(store.fileSystem().exists(store.staging(other))).as("the live run's staging is kept").isTrue();
        assertThat(spark.read().parquet(output + "/features").count()).isEqualTo(1);

        // It died without notice: its claim is older than the expiry.
        org.apache.hadoop.fs.Path lease = new org.apache.hadoop.fs.Path(store.staging(other), ExtractionStore.LEASE);
        long stale = System.currentTimeMillis() - (RunLease.EXPIRY_SECONDS + 60) * 1000;
        store.fileSystem().setTimes(lease, stale, stale);

        ExtractionSummary next = run(spark, root, output, true);

        assertThat(next.filesNew()).isEqualTo(1);
        assertThat(store.fileSystem().exists(store.staging(other))).isFalse();
        assertThat(spark.read().parquet(output + "/features").count()).isEqualTo(2);
    }

    @Test
    void aRunWhoseStagingVanishedPublishesNothingAndDeletesNothing(SparkSession spark) throws IOException {
        Path root = work.resolve("vanish");
        wav(root.resolve("pop/x.wav"), tone(3.2, 300));
        String output = work.resolve("vanish-out").toString();
        run(spark, root, output, false);
        ExtractionStore store = ExtractionStore.at(output, spark.sparkContext().hadoopConfiguration());
        org.apache.hadoop.fs.Path kept = store.dataFiles(store.features()).get(0);
        RunId run = RunId.startingAt(java.time.Instant.now());
        org.apache.hadoop.fs.Path gone = new org.apache.hadoop.fs.Path(store.staging(run), "features/run=" + run);
        PublishPlan plan = new PublishPlan(run.value(), List.of(new PublishPlan.Move(store.key(gone),
                store.key(new org.apache.hadoop.fs.Path(store.features(), run.partition())))),
                List.of(store.key(kept)), Map.of("run", run.value()), Map.of());

        assertThatThrownBy(() -> store.publish(plan, run)).isInstanceOf(IOException.class)
                .hasMessageContaining("cannot publish").hasMessageContaining("is missing");
        assertThat(store.fileSystem().exists(kept)).isTrue();
        assertThat(summaryJson(work.resolve("vanish-out")).get("run").asText()).isNotEqualTo(run.value());
    }

    @Test
    void refusesToMixSettingsOrToOverwrite(SparkSession spark) throws IOException {
        Path root = work.resolve("settings");
        wav(root.resolve("pop/x.wav"), tone(3.2, 300));
        String output = work.resolve("settings-out").toString();
        run(spark, root, output, false);
        InputListing listing = list(spark, root);
        ExtractionSettings twenty = new ExtractionSettings(FeatureSettings.builder().nMfcc(20).build(),
                SETTINGS.segments(), 600);

        assertThatThrownBy(() -> new FeatureExtractionJob(spark).run(listing, twenty, output, true))
                .isInstanceOf(IncompatibleOutputException.class)
                .hasMessageContaining("features.n_mfcc: stored 13, this run 20")
                .hasMessageContaining("config_hash");
        assertThatThrownBy(() -> new FeatureExtractionJob(spark).run(listing, SETTINGS, output, false))
                .isInstanceOf(org.apache.hadoop.fs.FileAlreadyExistsException.class)
                .hasMessageContaining("add --incremental");
        assertThat(spark.read().parquet(output + "/features").count()).isEqualTo(1);
    }

    private ExtractionSummary run(SparkSession spark, Path root, String output, boolean incremental)
            throws IOException {
        return new FeatureExtractionJob(spark).run(list(spark, root), SETTINGS, output, incremental);
    }

    private static InputListing list(SparkSession spark, Path root) throws IOException {
        return new AudioInputLister(spark.sparkContext().hadoopConfiguration(), new TrackSplit(0.2))
                .list(root.toString());
    }

    private JsonNode summaryJson() throws IOException {
        return summaryJson(work.resolve("out"));
    }

    private static JsonNode summaryJson(Path output) throws IOException {
        return new ObjectMapper().readTree(output.resolve("_summary.json").toFile());
    }

    /** Every visible data file of an output with its modification time. */
    private static Map<String, Long> dataFiles(Path output) throws IOException {
        try (Stream<Path> files = Files.walk(output)) {
            return files.filter(p -> p.toString().endsWith(".parquet"))
                    .filter(p -> !output.relativize(p).toString().startsWith("_"))
                    .collect(Collectors.toMap(p -> output.relativize(p).toString(), p -> p.toFile().lastModified(),
                            (a, b) -> a, TreeMap::new));
        }
    }

    private static Map<String, String> statsByRow(SparkSession spark, String output) {
        return spark.read().parquet(output + "/features").select("path", "segment", "stats").collectAsList().stream()
                .collect(Collectors.toMap(r -> name(r.getString(0)) + "#" + r.getInt(1),
                        r -> Arrays.toString(r.<Double>getList(2).stream().mapToDouble(Double::doubleValue).toArray())));
    }

    private static List<org.assertj.core.groups.Tuple> rejectedNames(SparkSession spark, String output) {
        return spark.read().parquet(output + "/rejected").collectAsList().stream()
                .map(r -> tuple(name(r.getString(r.fieldIndex("path"))), r.getString(r.fieldIndex("reason"))))
                .toList();
    }

    private static String name(String path) {
        return path.replaceAll(".*/(library|grow|two|settings|overlap|vanish)/", "");
    }

    private static void touch(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 60_000));
    }

    private static float[] tone(double seconds, double hz) {
        float[] samples = new float[(int) Math.round(seconds * RATE)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.4 * Math.sin(2 * Math.PI * hz * i / RATE));
        }
        return samples;
    }

    private static void wav(Path file, float[] samples) throws IOException {
        Files.createDirectories(file.getParent());
        WavWriter.of(WavWriter.Encoding.FLOAT_32).write(file, samples, RATE);
    }
}
