package dev.audiopipeline.jobs.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Spark standalone cluster on 127.0.0.1: one Master and one or more Worker JVMs, started from the Spark jars
 * the build copied to {@code jobs/target/spark-lib} (a SPARK_HOME is just a folder with {@code jars/}). The workers
 * share one work directory: an application's executors have distinct ids, so each has its own folder in it.
 */
final class StandaloneCluster implements AutoCloseable {

    private final Path sparkHome;
    private final Path logs;
    private final int masterPort;
    private final int masterUiPort;
    private final List<Process> processes = new ArrayList<>();

    StandaloneCluster(Path sparkLib, Path logConfig, Path work) throws IOException {
        this.sparkHome = work.resolve("spark-home");
        this.logs = Files.createDirectories(work.resolve("logs"));
        Files.createDirectories(sparkHome.resolve("conf"));
        Files.createSymbolicLink(sparkHome.resolve("jars"), sparkLib);
        Files.copy(logConfig, sparkHome.resolve("conf/log4j2.properties"));
        this.masterPort = freePort();
        this.masterUiPort = freePort();
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    Path sparkHome() {
        return sparkHome;
    }

    /** The worker's work directory: {@code <app id>/<executor id>/stderr} for every executor it started. */
    Path workerDirectory() {
        return sparkHome.resolve("work");
    }

    /** The environment Spark's launch code needs (SPARK_SCALA_VERSION: else workers fail to start executors). */
    Map<String, String> environment() {
        return Map.of(
                "SPARK_HOME", sparkHome.toString(),
                "SPARK_CONF_DIR", sparkHome.resolve("conf").toString(),
                "SPARK_LOCAL_IP", "127.0.0.1",
                "SPARK_LOCAL_HOSTNAME", "127.0.0.1",
                "SPARK_SCALA_VERSION", "2.12");
    }

    /** Java command prefix with Spark's classpath and the Java 17 opens (from {@code java.home} of this JVM). */
    List<String> java(List<String> opens, String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(opens);
        command.add("-cp");
        command.add(sparkHome.resolve("conf") + ":" + sparkHome.resolve("jars") + "/*");
        command.add(mainClass);
        return command;
    }

    /** A spark-submit command to this cluster in client mode, the driver on 127.0.0.1 and without UI. */
    List<String> sparkSubmit(List<String> opens) {
        return sparkSubmit(opens, List.of());
    }

    /**
     * As {@link #sparkSubmit(List)}, with more options for the driver's JVM (in client mode the driver is the
     * spark-submit JVM, as with {@code --driver-java-options}).
     */
    List<String> sparkSubmit(List<String> opens, List<String> driverJvmOptions) {
        List<String> jvm = new ArrayList<>(opens);
        jvm.addAll(driverJvmOptions);
        List<String> command = java(jvm, "org.apache.spark.deploy.SparkSubmit");
        command.addAll(List.of(
                "--master", masterUrl(),
                "--deploy-mode", "client",
                "--conf", "spark.driver.host=127.0.0.1",
                "--conf", "spark.ui.enabled=false"));
        return command;
    }

    /** Starts the master and one worker of {@code workerCores} cores. */
    void start(List<String> opens, int workerCores) throws IOException, InterruptedException {
        start(opens, 1, workerCores);
    }

    /** Starts the master and {@code workers} workers of {@code coresPerWorker} cores and 2 GB each. */
    void start(List<String> opens, int workers, int coresPerWorker) throws IOException, InterruptedException {
        List<String> master = java(opens, "org.apache.spark.deploy.master.Master");
        master.addAll(List.of("--host", "127.0.0.1", "--port", String.valueOf(masterPort),
                "--webui-port", String.valueOf(masterUiPort)));
        spawn(master, "master");

        for (int i = 0; i < workers; i++) {
            List<String> worker = java(opens, "org.apache.spark.deploy.worker.Worker");
            worker.addAll(List.of("--host", "127.0.0.1", "--cores", String.valueOf(coresPerWorker),
                    "--memory", "2g", "--webui-port", String.valueOf(freePort()),
                    "--work-dir", Files.createDirectories(workerDirectory()).toString(), masterUrl()));
            spawn(worker, workers == 1 ? "worker" : "worker-" + i);
        }
        awaitAliveWorkers(workers, 120);
    }

    private void spawn(List<String> command, String name) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(logs.resolve(name + ".out").toFile())
                .redirectError(logs.resolve(name + ".err").toFile());
        builder.environment().putAll(environment());
        processes.add(builder.start());
    }

    private void awaitAliveWorkers(int workers, int seconds) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String lastState = "no answer";
        while (System.nanoTime() < deadline) {
            for (Process process : processes) {
                if (!process.isAlive()) {
                    throw new AssertionError("a cluster process exited with " + process.exitValue() + "; logs in "
                            + logs);
                }
            }
            try {
                lastState = masterState();
                if (lastState.contains("\"aliveworkers\" : " + workers)) {
                    return;
                }
            } catch (IOException notYetUp) {
                lastState = notYetUp.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("cluster not up after " + seconds + " s: " + lastState + "; logs in " + logs);
    }

    /** The master's JSON status page. */
    String masterState() throws IOException {
        HttpURLConnection connection =
                (HttpURLConnection) new URL("http://127.0.0.1:" + masterUiPort + "/json/").openConnection();
        connection.setConnectTimeout(2000);
        connection.setReadTimeout(2000);
        try (InputStream in = connection.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            connection.disconnect();
        }
    }

    @Override
    public void close() {
        for (Process process : processes) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The --add-opens list and --add-modules surefire/failsafe gave this JVM (one place: the parent pom), for the
     * cluster's JVMs.
     */
    static List<String> opensOfThisJvm() {
        List<String> opens = new ArrayList<>();
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (argument.startsWith("--add-opens") || argument.startsWith("--add-modules")
                    || argument.startsWith("-Djdk.reflect")) {
                opens.add(argument);
            }
        }
        if (opens.size() <= 10) {
            throw new IllegalStateException("the test JVM does not run with the --add-opens list: " + opens);
        }
        return opens;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
