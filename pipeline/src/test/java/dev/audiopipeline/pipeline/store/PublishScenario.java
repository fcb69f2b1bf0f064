package dev.audiopipeline.pipeline.store;

import dev.audiopipeline.pipeline.source.FileTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * An incremental run's publishing, on any Hadoop filesystem, without Spark: an output holding run A, and a staged
 * run B that adds a track, replaces a changed track's rows and rejects a track that went bad. Data files stand in
 * for Parquet (the store moves and deletes them, never reads them): each holds its rows as lines
 * {@code track#segment}. B's plan has {@link #STEPS} steps: four moves (two run partitions, two rewritten files of
 * A's), then the two deletes of the files those replace.
 */
final class PublishScenario {

    static final int STEPS = 6;

    private final Configuration conf;
    private final String output;
    private final RunId runA = new RunId("20260101T000000Z-aaaaaa");
    final RunId runB = new RunId("20260102T000000Z-bbbbbb");

    PublishScenario(Configuration conf, String output) {
        this.conf = conf;
        this.output = output;
    }

    ExtractionStore store() throws IOException {
        return ExtractionStore.at(output, conf);
    }

    /** Run A published, run B staged; returns B's plan (not written yet). */
    PublishPlan prepare() throws IOException {
        ExtractionStore store = store();
        Path stagedA = store.staging(runA);
        write(new Path(stagedA, "features/run=" + runA + "/part-0.parquet"), "a.wav#0", "a.wav#1", "b.wav#0");
        write(new Path(stagedA, "features/run=" + runA + "/part-1.parquet"), "c.wav#0", "e.wav#0");
        write(new Path(stagedA, "rejected/run=" + runA + "/part-0.parquet"), "bad.mp3");
        store.publish(new PublishPlan(runA.value(), List.of(
                store.move(new Path(stagedA, "features/run=" + runA), new Path(store.features(), runA.partition())),
                store.move(new Path(stagedA, "rejected/run=" + runA), new Path(store.rejected(), runA.partition()))),
                List.of(), Map.of("run", runA.value()), Map.of("hash", "h")), runA);

        Path stagedB = store.staging(runB);
        write(new Path(stagedB, "features/run=" + runB + "/part-0.parquet"), "b.wav#0", "b.wav#1");
        write(new Path(stagedB, "features/run=" + runB + "/part-1.parquet"), "d.wav#0");
        write(new Path(stagedB, "rejected/run=" + runB + "/part-0.parquet"), "c.wav");
        write(new Path(stagedB, "rewrite/features/run=" + runA + "/part-0-r.parquet"), "a.wav#0", "a.wav#1");
        write(new Path(stagedB, "rewrite/features/run=" + runA + "/part-1-r.parquet"), "e.wav#0");
        Path inA = new Path(store.features(), runA.partition());
        return new PublishPlan(runB.value(), List.of(
                store.move(new Path(stagedB, "features/run=" + runB), new Path(store.features(), runB.partition())),
                store.move(new Path(stagedB, "rejected/run=" + runB), new Path(store.rejected(), runB.partition())),
                store.move(new Path(stagedB, "rewrite/features/run=" + runA + "/part-0-r.parquet"),
                        new Path(inA, "part-0-r.parquet")),
                store.move(new Path(stagedB, "rewrite/features/run=" + runA + "/part-1-r.parquet"),
                        new Path(inA, "part-1-r.parquet"))),
                List.of(store.key(new Path(inA, "part-0.parquet")), store.key(new Path(inA, "part-1.parquet"))),
                Map.of("run", runB.value()), Map.of("hash", "h"));
    }

    /** Publishes B, stopped (by an exception) once {@code stepsDone} of its steps are done. */
    void publishStoppedAfter(PublishPlan plan, int stepsDone) throws IOException {
        ExtractionStore store = store();
        store.afterEachPublishStep(done -> {
            if (done == stepsDone) {
                throw new IOException("stopped after step " + done);
            }
        });
        try {
            store.publish(plan, runB);
            throw new AssertionError("publishing was not stopped after step " + stepsDone);
        } catch (IOException expected) {
            if (!expected.getMessage().equals("stopped after step " + stepsDone)) {
                throw expected;
            }
        }
    }

    /** What the next run does first. */
    void recover() throws IOException {
        store().recover(RunId.startingAt(Instant.now()));
    }

    /** Every file of the output, staging included, by relative path, with its content. */
    Map<String, String> contents() throws IOException {
        Path root = new Path(output);
        FileSystem fs = root.getFileSystem(conf);
        Path base = fs.makeQualified(root);
        Map<String, String> files = new TreeMap<>();
        for (FileStatus status : FileTree.files(fs, base)) {
            String relative = base.toUri().relativize(status.getPath().toUri()).getPath();
            try (InputStream in = fs.open(status.getPath())) {
                files.put(relative, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** The rows of the table below {@code features/} or {@code rejected/}, sorted (duplicates kept). */
    List<String> rows(String table) throws IOException {
        List<String> rows = new ArrayList<>();
        contents().forEach((path, content) -> {
            if (path.startsWith(table + "/")) {
                rows.addAll(content.lines().toList());
            }
        });
        rows.sort(null);
        return rows;
    }

    void write(Path file, String... lines) throws IOException {
        FileSystem fs = file.getFileSystem(conf);
        try (OutputStream out = fs.create(file, true)) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
