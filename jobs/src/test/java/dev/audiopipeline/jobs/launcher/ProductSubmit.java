package dev.audiopipeline.jobs.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.jobs.ProjectRoot;
import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * spark-submit of the shaded jar to a {@link StandaloneCluster}, in client mode, with the Spark settings users are
 * told to use: {@code conf/spark-defaults.conf.example} as the properties file, its sizes scaled down to this machine
 * (1 GB executors, 1 GB of ND4J off-heap, natives unpacked under the test scratch folder) and nothing else changed.
 */
final class ProductSubmit {

    static final Path ROOT = ProjectRoot.get();
    static final Path JAR = ROOT.resolve("jobs/target/audio-pipeline.jar");
    static final Path SPARK_DEFAULTS = ROOT.resolve("conf/spark-defaults.conf.example");

    private final StandaloneCluster cluster;
    private final List<String> opens;

    ProductSubmit(StandaloneCluster cluster, List<String> opens) {
        this.cluster = cluster;
        this.opens = List.copyOf(opens);
    }

    /** The shipped example's settings. */
    static Properties sparkDefaults() {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(SPARK_DEFAULTS, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /**
     * The example's executor JVM options with this machine's sizes: the same flags, ND4J's off-heap bounded to 1g
     * and the process to 3g, and the JavaCPP cache of the test run (shared by the tests, unpacked once).
     */
    static String executorJavaOptions() {
        String options = sparkDefaults().getProperty("spark.executor.extraJavaOptions");
        assertThat(options).as("the example's executor options").contains("--add-modules=jdk.incubator.vector")
                .contains("-Dorg.bytedeco.javacpp.maxbytes=").contains("-Dorg.bytedeco.javacpp.maxphysicalbytes=");
        return options.replaceAll("-Dorg\\.bytedeco\\.javacpp\\.maxbytes=\\S+", "-Dorg.bytedeco.javacpp.maxbytes=1g")
                .replaceAll("-Dorg\\.bytedeco\\.javacpp\\.maxphysicalbytes=\\S+",
                        "-Dorg.bytedeco.javacpp.maxphysicalbytes=3g")
                + " -Dorg.bytedeco.javacpp.cachedir=" + javacppCache();
    }

    /**
     * The spark-submit command: {@code sparkOptions} (e.g. {@code --conf k=v}, {@code --jars}) go before the jar,
     * {@code jobArguments} (the command and its options) after it.
     */
    List<String> command(List<String> sparkOptions, List<String> jobArguments) {
        // In client mode the driver is the spark-submit JVM: the driver options the example's comment shows.
        List<String> command = cluster.sparkSubmit(opens, List.of("-Xmx768m",
                "-Dorg.bytedeco.javacpp.maxbytes=1g", "-Dorg.bytedeco.javacpp.cachedir=" + javacppCache()));
        command.addAll(List.of(
                "--properties-file", SPARK_DEFAULTS.toString(),
                "--conf", "spark.executor.memory=1g",
                "--conf", "spark.executor.memoryOverhead=512m",
                "--conf", "spark.executor.extraJavaOptions=" + executorJavaOptions()));
        command.addAll(sparkOptions);
        command.add(JAR.toString()); // no --class: the jar's manifest names dev.audiopipeline.jobs.Main
        command.addAll(jobArguments);
        return command;
    }

    /** Runs a command (see {@link #command}) and waits for it, its output in files under {@code workDir}. */
    ProcessRun run(Path workDir, long timeoutSeconds, List<String> sparkOptions, List<String> jobArguments) {
        return ProcessRun.run(command(sparkOptions, jobArguments), cluster.environment(), workDir, timeoutSeconds);
    }

    private static Path javacppCache() {
        return TestScratch.root().resolve("javacpp");
    }

    /** {@code --conf key=value} pairs. */
    static List<String> conf(String... keyValues) {
        List<String> options = new ArrayList<>();
        for (String keyValue : keyValues) {
            options.add("--conf");
            options.add(keyValue);
        }
        return options;
    }
}
