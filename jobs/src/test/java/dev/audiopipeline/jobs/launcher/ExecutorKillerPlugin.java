package dev.audiopipeline.jobs.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.PluginContext;
import org.apache.spark.api.plugin.SparkPlugin;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.StageInfo;

/**
 * A test-only Spark plugin ({@code spark.plugins}) that kills one executor JVM, once, as a lost machine or the
 * kernel's OOM killer would: {@code Runtime.halt(137)}, so no shutdown hook runs and the driver hears of it only
 * through the lost connection. The victim is the first task to start with partition id >= {@link #FROM_PARTITION}
 * in a stage of exactly {@link #STAGE_TASKS} tasks. It first creates the {@link #MARKER} file, which fails if the
 * file exists: every later executor, the relaunched one included, sees it and lets its tasks run.
 *
 * <p>With {@link #CALL_SITE} set, only a stage whose call site (the driver's stack when the job or the shuffle was
 * made, as in Spark's UI) contains that text qualifies: a job of many stages of the same width, such as a training
 * run, is struck where the test means to. The driver side of the plugin watches stages being submitted and lists the
 * qualifying stage ids (the call site's, of {@link #STAGE_TASKS} tasks) in {@code MARKER.stages}, which the executors
 * read; the first {@link #SKIP_STAGES} of them are spared. A task that starts before its stage is listed there is
 * spared too, and the next qualifying stage is struck instead.
 */
public final class ExecutorKillerPlugin implements SparkPlugin {

    /** Where the marker goes (a local path every executor of the test's cluster can reach). */
    static final String MARKER = "spark.audiopipeline.test.kill.marker";
    /** The number of tasks of the stage to strike (picks the job's stage among the others). */
    static final String STAGE_TASKS = "spark.audiopipeline.test.kill.stageTasks";
    /** The least partition id of the task to strike. */
    static final String FROM_PARTITION = "spark.audiopipeline.test.kill.fromPartition";
    /** Optional: text the stage's call site must contain (e.g. a method name of the job's driver code). */
    static final String CALL_SITE = "spark.audiopipeline.test.kill.callSite";
    /** Optional, with {@link #CALL_SITE}: how many qualifying stages to spare before striking (default 0). */
    static final String SKIP_STAGES = "spark.audiopipeline.test.kill.skipStages";
    /** What a JVM killed by SIGKILL reports: 128 + 9. */
    static final int EXIT_CODE = 137;

    @Override
    public DriverPlugin driverPlugin() {
        return new StageWatcher();
    }

    /**
     * The spark-submit options that ship the plugin ({@code pluginJar}, see {@link ClassJar}) and set it to halt the
     * executor running the first task with partition id >= {@code fromPartition} of a stage of {@code stageTasks}
     * tasks whose call site contains {@code callSite} (null: any stage).
     */
    static List<String> submitOptions(Path pluginJar, Path marker, int stageTasks, int fromPartition,
                                      String callSite) {
        return submitOptions(pluginJar, marker, stageTasks, fromPartition, callSite, 0);
    }

    /** As above, sparing the first {@code skipStages} stages that qualify (see {@link #SKIP_STAGES}). */
    static List<String> submitOptions(Path pluginJar, Path marker, int stageTasks, int fromPartition,
                                      String callSite, int skipStages) {
        List<String> options = new java.util.ArrayList<>(List.of(
                "--jars", pluginJar.toString(),
                "--conf", "spark.plugins=" + ExecutorKillerPlugin.class.getName(),
                "--conf", MARKER + "=" + marker,
                "--conf", STAGE_TASKS + "=" + stageTasks,
                "--conf", FROM_PARTITION + "=" + fromPartition));
        if (callSite != null) {
            options.addAll(List.of("--conf", CALL_SITE + "=" + callSite, "--conf", SKIP_STAGES + "=" + skipStages));
        }
        return options;
    }

    /** The stages that may be struck: the file the driver lists them in. */
    static Path stagesFile(Path marker) {
        return marker.resolveSibling(marker.getFileName() + ".stages");
    }

    /** The driver side: with {@link #CALL_SITE}, lists the id of every submitted stage whose call site matches. */
    private static final class StageWatcher implements DriverPlugin {

        @Override
        public Map<String, String> init(SparkContext sc, PluginContext context) {
            String callSite = sc.getConf().get(CALL_SITE, "");
            if (!callSite.isEmpty()) {
                int stageTasks = Integer.parseInt(sc.getConf().get(STAGE_TASKS));
                Path stages = stagesFile(Path.of(sc.getConf().get(MARKER)));
                sc.addSparkListener(new SparkListener() {
                    @Override
                    public void onStageSubmitted(SparkListenerStageSubmitted event) {
                        StageInfo stage = event.stageInfo();
                        if (stage.numTasks() == stageTasks
                                && (stage.details().contains(callSite) || stage.name().contains(callSite))) {
                            try {
                                Files.writeString(stages, stage.stageId() + "\n", StandardCharsets.UTF_8,
                                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                    }
                });
            }
            return Map.of();
        }
    }

    @Override
    public ExecutorPlugin executorPlugin() {
        return new Killer();
    }

    /** The executor side: decides in the task's own thread, before the task runs. */
    private static final class Killer implements ExecutorPlugin {

        private Path marker;
        private int stageTasks;
        private int fromPartition;
        private boolean byCallSite;
        private int skipStages;
        private String executorId;

        @Override
        public void init(PluginContext context, Map<String, String> extraConf) {
            SparkConf conf = context.conf();
            marker = Path.of(conf.get(MARKER));
            stageTasks = Integer.parseInt(conf.get(STAGE_TASKS));
            fromPartition = Integer.parseInt(conf.get(FROM_PARTITION));
            byCallSite = !conf.get(CALL_SITE, "").isEmpty();
            skipStages = Integer.parseInt(conf.get(SKIP_STAGES, "0"));
            executorId = context.executorID();
        }

        @Override
        public void onTaskStart() {
            TaskContext task = TaskContext.get();
            if (task.numPartitions() != stageTasks || task.partitionId() < fromPartition) {
                return;
            }
            if (byCallSite && !listed(task.stageId())) {
                return;
            }
            String victim = String.format(Locale.ROOT, "executor %s halted at the start of stage %d, partition %d of %d,"
                    + " attempt %d", executorId, task.stageId(), task.partitionId(), task.numPartitions(),
                    task.attemptNumber());
            try {
                Files.createFile(marker);
                Files.writeString(marker, victim + "\n", StandardCharsets.UTF_8);
            } catch (FileAlreadyExistsException alreadyKilledOnce) {
                return;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.err.println("ExecutorKillerPlugin: " + victim);
            System.err.flush();
            Runtime.getRuntime().halt(EXIT_CODE);
        }

        /** Whether the driver listed the stage as one whose call site matches, after the ones to spare. */
        private boolean listed(int stageId) {
            Path stages = stagesFile(marker);
            try {
                List<String> ids = Files.exists(stages) ? Files.readAllLines(stages, StandardCharsets.UTF_8) : List.of();
                return ids.indexOf(String.valueOf(stageId)) >= skipStages;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
