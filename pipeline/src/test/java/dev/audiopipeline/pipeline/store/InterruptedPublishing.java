package dev.audiopipeline.pipeline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

/**
 * Publishing stopped at any step is completed by the next run, and the output ends up as if it had not been
 * stopped: the same files with the same rows, none twice, none lost. Each filesystem's test class says where the
 * outputs go ({@link PublishScenario}).
 */
abstract class InterruptedPublishing {

    private static final AtomicInteger OUTPUTS = new AtomicInteger();

    /** The folder (URI) the outputs go in. */
    abstract String outputs();

    abstract Configuration conf();

    /** The uninterrupted output, made once per test class. */
    private static final Map<Class<?>, Map<String, String>> UNINTERRUPTED = new ConcurrentHashMap<>();

    /**
     * Publishing stopped after {@code stepsDone} steps (0: the plan is written, nothing moved) is completed by the
     * next run; the test classes choose the steps.
     */
    void stoppedAfterIsCompletedByTheNextRun(int stepsDone) throws IOException {
        Map<String, String> uninterrupted = uninterrupted();
        PublishScenario scenario = new PublishScenario(conf(), newOutput("stopped-" + stepsDone));
        PublishPlan plan = scenario.prepare();

        scenario.publishStoppedAfter(plan, stepsDone);
        scenario.recover();

        assertThat(scenario.contents()).isEqualTo(uninterrupted);
        assertThat(scenario.rows("features")).doesNotHaveDuplicates()
                .containsExactly("a.wav#0", "a.wav#1", "b.wav#0", "b.wav#1", "d.wav#0", "e.wav#0");
        assertThat(scenario.rows("rejected")).containsExactly("bad.mp3", "c.wav");
        scenario.recover(); // and again: nothing left to do
        assertThat(scenario.contents()).isEqualTo(uninterrupted);
    }

    /**
     * Where a rename copies (S3A: each object copied, then the sources deleted), a stopped move leaves files in both
     * places: a directory half moved, a file copied but not deleted, a target whose copy is not this file's.
     */
    @Test
    void movesStoppedHalfWayThroughACopyAreFinished() throws IOException {
        Map<String, String> uninterrupted = uninterrupted();
        PublishScenario scenario = new PublishScenario(conf(), newOutput("half-copied"));
        PublishPlan plan = scenario.prepare();
        ExtractionStore store = scenario.store();
        store.writePlan(plan, scenario.runB);
        copy(plan.moves().get(0), "part-0.parquet"); // one of the partition's two files copied
        copy(plan.moves().get(2), null); // the whole file copied, its source not deleted
        PublishPlan.Move third = plan.moves().get(3);
        scenario.write(ExtractionStore.fromKey(third.to()), "a copy cut short");

        scenario.recover();

        assertThat(scenario.contents()).isEqualTo(uninterrupted);
    }

    @Test
    void aMoveWhoseSourceAndTargetAreBothGoneStopsRecoveryAndDeletesNothing() throws IOException {
        PublishScenario scenario = new PublishScenario(conf(), newOutput("lost"));
        PublishPlan plan = scenario.prepare();
        ExtractionStore store = scenario.store();
        store.writePlan(plan, scenario.runB);
        Path lost = ExtractionStore.fromKey(plan.moves().get(1).from());
        store.fileSystem().delete(lost, true);
        Map<String, String> before = scenario.contents();

        assertThatThrownBy(scenario::recover).isInstanceOf(IOException.class)
                .hasMessageContaining("run " + scenario.runB)
                .hasMessageContaining(ExtractionStore.fromKey(plan.moves().get(1).to()).toString())
                .hasMessageContaining(lost.toString())
                .hasMessageContaining("Nothing was deleted; the output needs an operator");

        assertThat(scenario.contents()).isEqualTo(before);
        assertThat(plan.deletes()).allSatisfy(replaced ->
                assertThat(store.fileSystem().exists(ExtractionStore.fromKey(replaced))).isTrue());
    }

    /** A new, empty output's URI. */
    private String newOutput(String name) {
        return outputs() + "/" + OUTPUTS.incrementAndGet() + "-" + name;
    }

    /** The output of the same publishing, not stopped. */
    private Map<String, String> uninterrupted() throws IOException {
        Map<String, String> made = UNINTERRUPTED.get(getClass());
        if (made != null) {
            return made;
        }
        PublishScenario reference = new PublishScenario(conf(), newOutput("reference"));
        PublishPlan plan = reference.prepare();
        reference.store().publish(plan, reference.runB);
        Map<String, String> contents = reference.contents();
        assertThat(contents.keySet()).noneMatch(path -> path.startsWith(ExtractionStore.STAGING));
        UNINTERRUPTED.put(getClass(), contents);
        return contents;
    }

    /** Copies a move's source (or one file of it) to its target, as a rename that copies would, keeping the source. */
    private void copy(PublishPlan.Move move, String file) throws IOException {
        Path from = ExtractionStore.fromKey(move.from());
        Path to = ExtractionStore.fromKey(move.to());
        if (file != null) {
            from = new Path(from, file);
            to = new Path(to, file);
        }
        FileSystem fs = from.getFileSystem(conf());
        assertThat(FileUtil.copy(fs, from, fs, to, false, true, conf())).isTrue();
    }

}
