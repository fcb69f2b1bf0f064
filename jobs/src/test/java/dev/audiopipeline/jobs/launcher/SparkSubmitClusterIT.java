package dev.audiopipeline.jobs.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.jobs.ProjectRoot;
import dev.audiopipeline.pipeline.testing.TestScratch;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar, as users deploy it: spark-submit (client mode) to a real standalone cluster whose executors
 * are separate JVMs. The doctor job must find the feature kernel and ND4J's natives working on the executors,
 * which proves the jar carries what Spark does not (JTransforms, ND4J with its Linux natives, picocli).
 */
class SparkSubmitClusterIT {

    private static final Path ROOT = ProjectRoot.get();
    private static final Path JAR = ROOT.resolve("jobs/target/audio-pipeline.jar");
    private static final List<String> OPENS = StandaloneCluster.opensOfThisJvm();

    private static StandaloneCluster cluster;
    private static Path work;

    @BeforeAll
    static void startCluster() throws Exception {
        work = TestScratch.newDirectory("standalone");
        cluster = new StandaloneCluster(ROOT.resolve("jobs/target/spark-lib"),
                ROOT.resolve("conf/log4j2-test.properties"), work);
        cluster.start(OPENS, 2);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void doctorPassesOnEveryExecutorOfTheCluster() {
        List<String> submit = cluster.sparkSubmit(OPENS);
        String javacppCache = "-Dorg.bytedeco.javacpp.cachedir=" + TestScratch.root().resolve("javacpp");
        submit.addAll(List.of(
                "--executor-memory", "1g",
                "--conf", "spark.executor.extraJavaOptions=--add-modules=jdk.incubator.vector " + javacppCache,
                JAR.toString(), // no --class: the jar's manifest names dev.audiopipeline.jobs.Main
                "doctor", "--tasks", "4"));

        ProcessRun run = ProcessRun.run(submit, cluster.environment(), work, 400);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("master " + cluster.masterUrl())
                .contains("executor 0 on ")
                .doesNotContain("executor driver")
                .contains("feature kernel: ok")
                .contains("FFT: Vector API, 256-bit") // the executor got --add-modules
                .contains("audio decoding: ok, FFmpeg libavcodec")
                .contains("ND4J backend:   ok, CpuBackend")
                .contains("OMP_NUM_THREADS=1")
                .contains("all checks passed on 1 executor(s)");
    }

}
