package dev.audiopipeline.jobs.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.pipeline.store.ExtractionStore;
import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/audio-pipeline extract} stopped mid-run as a user's driver would be, and retried at once: stopped with
 * SIGTERM (what Ctrl-C, {@code kill} and schedulers send) it gives its claim on the output up as it stops; killed
 * with SIGKILL it cannot, and the retry on this host sees that the claim's driver is gone. Either way the retry
 * starts without waiting for the claim to expire and publishes every file once.
 */
class ExtractInterruptIT {

    private static Path work;
    private static WavCorpus corpus;

    @BeforeAll
    static void corpus() throws IOException {
        work = TestScratch.newDirectory("extract-interrupt");
        corpus = new WavCorpus(work.resolve("corpus"));
        corpus.addTracks("blues", "blues", 12);
        corpus.addTracks("rock", "rock", 12);
        corpus.addUnusable("rock", "broken.wav");
    }

    @Test
    void aRunStoppedWithSigtermGivesItsClaimUpAndTheRetryStartsAtOnce() throws Exception {
        Path output = work.resolve("terminated");
        ProcessRun.Started driver = startExtract(output);
        Path claim = awaitTasksWriting(driver, output);

        driver.process().destroy(); // SIGTERM

        ProcessRun stopped = driver.await(60);
        assertThat(stopped.exitCode()).as(stopped.toString()).isNotZero();
        assertThat(claim).as("the claim given up: " + stopped).doesNotExist();
        assertRetryPublishesEverything(output);
    }

    @Test
    void aKilledDriverOnThisHostIsSeenToBeGoneAndTheRetryStartsAtOnce() throws Exception {
        Path output = work.resolve("killed");
        ProcessRun.Started driver = startExtract(output);
        Path claim = awaitTasksWriting(driver, output);

        driver.process().destroyForcibly(); // SIGKILL: no shutdown hook runs

        assertThat(driver.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(claim).as("a killed driver cannot give its claim up").exists();
        assertRetryPublishesEverything(output);
    }

    private static ProcessRun.Started startExtract(Path output) {
        return ProductLauncher.start(work.resolve(output.getFileName() + "-first"), List.of("extract",
                "--input", corpus.root().toString(), "--output", output.toString(), "--master", "local[2]"));
    }

    /**
     * Waits until the driver's tasks write into its staging ({@code _staging/<run>/features}); returns its claim,
     * checked to name the driver's pid (without a class-data archive the launcher execs the JVM).
     */
    private static Path awaitTasksWriting(ProcessRun.Started driver, Path output) throws Exception {
        Path staging = output.resolve(ExtractionStore.STAGING);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!driver.process().isAlive()) {
                throw new AssertionError("extract ended before it was stopped: " + driver.await(1));
            }
            if (Files.isDirectory(staging)) {
                try (Stream<Path> runs = Files.list(staging)) {
                    Path run = runs.filter(path -> Files.isDirectory(path.resolve(ExtractionStore.FEATURES)))
                            .findFirst().orElse(null);
                    if (run != null) {
                        Path claim = run.resolve(ExtractionStore.LEASE);
                        assertThat(Files.readString(claim, StandardCharsets.UTF_8))
                                .contains("pid=" + driver.process().pid() + "\n");
                        return claim;
                    }
                }
            }
            Thread.sleep(50);
        }
        driver.process().destroyForcibly();
        throw new AssertionError("extract's tasks did not start writing within 120 s");
    }

    private static void assertRetryPublishesEverything(Path output) throws IOException {
        ProcessRun retry = ProductLauncher.run(work.resolve(output.getFileName() + "-retry"), List.of("extract",
                "--input", corpus.root().toString(), "--output", output.toString(), "--master", "local[2]"),
                java.util.Map.of());

        assertThat(retry.exitCode()).as(retry.toString()).isZero();
        assertThat(retry.out()).startsWith(corpus.expected().files() + " files: ");
        PublishedOutput.read(output).assertComplete(corpus.expected());
    }
}
