package dev.audiopipeline.jobs.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.PluginContext;
import org.apache.spark.api.plugin.SparkPlugin;

/**
 * A test-only Spark plugin ({@code spark.plugins}) that kills one executor JVM, once, as a lost machine or the
 * kernel's OOM killer would: {@code Runtime.halt(137)}, so no shutdown hook runs and the driver hears of it only
 * through the lost connection. The victim is the first task to start with partition id >= {@link #FROM_PARTITION}
 * in a stage of exactly {@link #STAGE_TASKS} tasks. It first creates the {@link #MARKER} file, which fails if the
 * file exists: every later executor, the relaunched one included, sees it and lets its tasks run.
 */
public final class ExecutorKillerPlugin implements SparkPlugin {

    /** Where the marker goes (a local path every executor of the test's cluster can reach). */
    static final String MARKER = "spark.audiopipeline.test.kill.marker";
    /** The number of tasks of the stage to strike (picks the job's stage among the others). */
    static final String STAGE_TASKS = "spark.audiopipeline.test.kill.stageTasks";
    /** The least partition id of the task to strike. */
    static final String FROM_PARTITION = "spark.audiopipeline.test.kill.fromPartition";
    /** What a JVM killed by SIGKILL reports: 128 + 9. */
    static final int EXIT_CODE = 137;

    @Override
    public DriverPlugin driverPlugin() {
        return null; // nothing to do on the driver
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
        private String executorId;

        @Override
        public void init(PluginContext context, Map<String, String> extraConf) {
            SparkConf conf = context.conf();
            marker = Path.of(conf.get(MARKER));
            stageTasks = Integer.parseInt(conf.get(STAGE_TASKS));
            fromPartition = Integer.parseInt(conf.get(FROM_PARTITION));
            executorId = context.executorID();
        }

        @Override
        public void onTaskStart() {
            TaskContext task = TaskContext.get();
            if (task.numPartitions() != stageTasks || task.partitionId() < fromPartition) {
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
    }
}
