package dev.audiopipeline.jobs.cli;

import dev.audiopipeline.features.FeatureSettings;
import dev.audiopipeline.jobs.config.FeatureSettingsConfig;
import dev.audiopipeline.jobs.config.JobConfig;
import dev.audiopipeline.jobs.doctor.ExecutorReport;
import dev.audiopipeline.jobs.spark.SparkSessions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Checks that this machine, or a cluster, can run the jobs: the first thing to run on a new cluster. */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        header = "Checks that Spark, the feature kernel, FFmpeg and ND4J work on every executor.",
        sortOptions = false,
        description = {
            "Starts Spark with the job settings, runs tasks on the executors and checks in each executor JVM that "
                    + "the feature kernel computes a known answer and that FFmpeg's decoders and ND4J's native "
                    + "backend load. Prints one block per executor; exits 1 if any check failed, naming the executor "
                    + "and the check.",
            ""
        })
public final class DoctorCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin ConfigOptions configOptions;

    @Mixin SparkOptions sparkOptions;

    @Option(names = "--tasks", paramLabel = "N",
            description = "Tasks to run (default: Spark's default parallelism, i.e. the cores of the cluster).")
    Integer tasks;

    @Option(names = "--skip-nd4j", description = "Do not load ND4J (saves its native start-up on every executor).")
    boolean skipNd4j;

    @Override
    public Integer call() {
        JobConfig config = configOptions.builder().build();
        FeatureSettings settings = FeatureSettingsConfig.from(config);
        PrintWriter out = spec.commandLine().getOut();
        out.println("audio-pipeline " + VersionProvider.productVersion() + " on Java "
                + System.getProperty("java.version"));
        out.println("feature settings " + settings.hash().substring(0, 12) + ": sample rate "
                + settings.sampleRate() + " Hz, n_fft " + settings.nFft() + ", hop " + settings.hopLength()
                + ", " + settings.nMels() + " mel bands, " + settings.nMfcc() + " MFCCs");
        out.flush();

        SparkSession spark = SparkSessions.start("audio-pipeline doctor", config, sparkOptions.master());
        try {
            JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
            int taskCount = tasks != null ? tasks : Math.max(2, context.defaultParallelism());
            out.println("Spark " + spark.version() + ", master " + context.master() + ", application "
                    + context.sc().applicationId() + ", " + taskCount + " tasks");
            out.flush();
            boolean checkNd4j = !skipNd4j;
            List<Integer> taskIds = IntStream.range(0, taskCount).boxed().collect(Collectors.toList());
            List<ExecutorReport> reports = context.parallelize(taskIds, taskCount)
                    .map(task -> ExecutorReport.collect(settings, checkNd4j))
                    .collect();
            return report(reports, out);
        } finally {
            spark.stop();
        }
    }

    private int report(List<ExecutorReport> reports, PrintWriter out) {
        Map<String, List<ExecutorReport>> byExecutor = new TreeMap<>();
        for (ExecutorReport report : reports) {
            byExecutor.computeIfAbsent(report.executorId(), id -> new ArrayList<>()).add(report);
        }
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, List<ExecutorReport>> entry : byExecutor.entrySet()) {
            ExecutorReport first = entry.getValue().get(0);
            out.printf("executor %s on %s: Java %s, %d cores, %d MB heap, OMP_NUM_THREADS=%s, %d task(s)%n",
                    entry.getKey(), first.host(), first.javaVersion(), first.cores(), first.maxHeapMb(),
                    first.ompThreads(), entry.getValue().size());
            ExecutorReport failed = entry.getValue().stream().filter(r -> !r.ok()).findFirst().orElse(first);
            out.printf("  feature kernel: %s%n", status(failed.kernelOk(), failed.kernelDetail()));
            out.printf("  audio decoding: %s%n", status(failed.decodingOk(), failed.decodingDetail()));
            out.printf("  ND4J backend:   %s%n", status(failed.nd4jOk(), failed.nd4jDetail()));
            if (!failed.kernelOk()) {
                failures.add("executor " + entry.getKey() + ": feature kernel: " + failed.kernelDetail());
            }
            if (!failed.decodingOk()) {
                failures.add("executor " + entry.getKey() + ": audio decoding: " + failed.decodingDetail());
            }
            if (!failed.nd4jOk()) {
                failures.add("executor " + entry.getKey() + ": ND4J: " + failed.nd4jDetail());
            }
        }
        out.flush();
        if (!failures.isEmpty()) {
            throw new JobFailedException(failures.size() + " check(s) failed; " + String.join("; ", failures));
        }
        out.println("all checks passed on " + byExecutor.size() + " executor(s)");
        out.flush();
        return 0;
    }

    private static String status(boolean ok, String detail) {
        return (ok ? "ok, " : "FAILED, ") + detail;
    }
}
