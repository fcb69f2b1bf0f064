package dev.audiopipeline.pipeline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.ShutdownHookManager;
import org.junit.jupiter.api.Test;

/** A run's claim on its output: who holds it, when it stops counting, how it is given up. */
class RunLeaseTest {

    private static final RunClaim SELF = RunClaim.ofThisProcess(RunId.startingAt(Instant.now()));

    private final java.nio.file.Path work = TestScratch.newDirectory("run-lease");
    private final ExtractionStore store = store("out");
    private final FileSystem fs = store.fileSystem();
    private final RunId other = new RunId("20260101T000000Z-0123ab");

    @Test
    void theClaimSaysWhichDriverHoldsItAndReadsBack() throws IOException {
        RunId run = RunId.startingAt(Instant.now());
        try (RunLease lease = RunLease.take(store, run)) {
            String text = read(claimFile(run));
            assertThat(text).startsWith("run=" + run + "\nhost=" + SELF.host() + "\npid="
                    + ProcessHandle.current().pid() + "\nprocess_start=");
            assertThat(RunClaim.parse(run.value(), text)).isEqualTo(RunClaim.ofThisProcess(run));
        }
        assertThat(fs.exists(store.staging(run))).as("closed without publishing: staging removed").isFalse();
    }

    @Test
    void aLiveDriverOnThisHostBlocksAndTheRefusalSaysWhenItExpiresAndWhatToDelete() throws IOException {
        store.writeLease(other); // this JVM stands for the other run's driver: alive
        Instant renewed = Instant.ofEpochMilli(fs.getFileStatus(claimFile(other)).getModificationTime());

        assertThatThrownBy(() -> RunLease.take(store, RunId.startingAt(Instant.now())))
                .isInstanceOf(IncompatibleOutputException.class)
                .hasMessageContaining("another extract run (" + other + ", pid " + SELF.pid() + " on host "
                        + SELF.host() + ") is writing to " + store.root())
                .hasMessageContaining("Its claim expires at "
                        + renewed.plusSeconds(RunLease.EXPIRY_SECONDS).truncatedTo(ChronoUnit.SECONDS)
                        + " (UTC) unless renewed")
                .hasMessageContaining("if that run is gone, delete " + fs.makeQualified(claimFile(other))
                        + " and retry");
        assertThat(stagedRuns()).containsExactly(other.value());
    }

    @Test
    void aClaimWhoseDriverOnThisHostIsGoneDoesNotCount() throws Exception {
        Process exited = new ProcessBuilder("true").start();
        assertThat(exited.waitFor(30, TimeUnit.SECONDS)).isTrue();
        store.writeClaim(new RunClaim(other.value(), SELF.host(), exited.pid(), Instant.now(), SELF.pidNamespace()));

        try (RunLease lease = RunLease.take(store, RunId.startingAt(Instant.now()))) {
            assertThat(stagedRuns()).hasSize(2);
        }
    }

    @Test
    void aClaimWhosePidNowBelongsToAProcessStartedLaterDoesNotCount() throws IOException {
        store.writeClaim(new RunClaim(other.value(), SELF.host(), SELF.pid(),
                SELF.processStart().minus(1, ChronoUnit.HOURS), SELF.pidNamespace()));

        try (RunLease lease = RunLease.take(store, RunId.startingAt(Instant.now()))) {
            assertThat(stagedRuns()).hasSize(2);
        }
    }

    @Test
    void aClaimFromAnotherHostOrPidNamespaceCountsUntilItExpires() throws Exception {
        Process exited = new ProcessBuilder("true").start();
        assertThat(exited.waitFor(30, TimeUnit.SECONDS)).isTrue();
        for (RunClaim elsewhere : List.of(
                new RunClaim(other.value(), "another-host", exited.pid(), Instant.now(), SELF.pidNamespace()),
                new RunClaim(other.value(), SELF.host(), exited.pid(), Instant.now(), "pid:[1]"))) {
            store.writeClaim(elsewhere);
            assertThatThrownBy(() -> RunLease.take(store, RunId.startingAt(Instant.now())))
                    .isInstanceOf(IncompatibleOutputException.class)
                    .hasMessageContaining("pid " + exited.pid() + " on host " + elsewhere.host());
        }

        age(claimFile(other));
        try (RunLease lease = RunLease.take(store, RunId.startingAt(Instant.now()))) {
            assertThat(stagedRuns()).hasSize(2);
        }
    }

    @Test
    void anEarlierVersionsClaimCountsByItsAge() throws IOException {
        for (String text : List.of(other.value() + "\n", "", "garbage\npid=seven\nprocess_start=noon\n")) {
            write(claimFile(other), text);
            assertThat(RunClaim.parse(other.value(), text)).isEqualTo(new RunClaim(other.value(), null, null, null,
                    null));
            assertThatThrownBy(() -> RunLease.take(store, RunId.startingAt(Instant.now())))
                    .isInstanceOf(IncompatibleOutputException.class)
                    .hasMessageContaining("another extract run (" + other + ") is writing to")
                    .hasMessageContaining("Its claim expires at ");
        }

        age(claimFile(other));
        try (RunLease lease = RunLease.take(store, RunId.startingAt(Instant.now()))) {
            assertThat(stagedRuns()).hasSize(2);
        }
    }

    @Test
    void stoppingAndClosingGiveTheClaimUpOnceWhicheverComesFirst() throws IOException {
        RunId run = RunId.startingAt(Instant.now());
        RunLease lease = RunLease.take(store, run);
        Runnable hook = registeredHookOf(lease);

        hook.run(); // the JVM stops (SIGTERM)
        assertThat(fs.exists(store.staging(run))).isFalse();
        fs.mkdirs(store.staging(run)); // a task still writing when the JVM stopped: not the lease's to remove again
        lease.close();
        hook.run();
        assertThat(fs.exists(store.staging(run))).isTrue();
        assertThat(ShutdownHookManager.get().hasShutdownHook(hook)).as("closing removes the hook").isFalse();
        PublishPlan plan = new PublishPlan(run.value(), List.of(), List.of(), Map.of(), Map.of());
        assertThatThrownBy(() -> lease.publish(plan)).isInstanceOf(IOException.class)
                .hasMessageContaining("was stopped before publishing");
    }

    @Test
    void stoppedOncePublishingBeganOnlyTheClaimIsGivenUpForTheNextRunToComplete() throws IOException {
        RunId run = RunId.startingAt(Instant.now());
        RunLease lease = RunLease.take(store, run);
        store.writePlan(new PublishPlan(run.value(), List.of(), List.of(), Map.of(), Map.of()), run);

        registeredHookOf(lease).run();

        assertThat(fs.exists(claimFile(run))).isFalse();
        assertThat(fs.exists(new Path(store.staging(run), ExtractionStore.PUBLISH_PLAN))).isTrue();
        lease.close();
    }

    @Test
    void aPublishedRunLeavesNothingToGiveUp() throws IOException {
        RunId run = RunId.startingAt(Instant.now());
        try (RunLease lease = RunLease.take(store, run)) {
            Runnable hook = registeredHookOf(lease);
            lease.publish(new PublishPlan(run.value(), List.of(), List.of(), Map.of("run", run.value()), Map.of()));
            hook.run();
        }
        assertThat(fs.exists(new Path(store.root(), ExtractionStore.SUMMARY))).isTrue();
        assertThat(stagedRuns()).isEmpty();
    }

    /** The lease's hook, found as Hadoop's manager holds it (registered at the priority that runs it in time). */
    private static Runnable registeredHookOf(RunLease lease) {
        Runnable hook = lease.shutdownHook();
        assertThat(ShutdownHookManager.get().hasShutdownHook(hook)).isTrue();
        assertThat(RunLease.SHUTDOWN_PRIORITY).isGreaterThan(FileSystem.SHUTDOWN_HOOK_PRIORITY);
        return hook;
    }

    private ExtractionStore store(String name) {
        try {
            return ExtractionStore.at(work.resolve(name).toUri().toString(), new Configuration());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path claimFile(RunId run) {
        return new Path(store.staging(run), ExtractionStore.LEASE);
    }

    private List<String> stagedRuns() throws IOException {
        Path staging = new Path(store.root(), ExtractionStore.STAGING);
        if (!fs.exists(staging)) {
            return List.of();
        }
        return java.util.Arrays.stream(fs.listStatus(staging)).map(status -> status.getPath().getName()).toList();
    }

    private void age(Path file) throws IOException {
        long expired = System.currentTimeMillis() - (RunLease.EXPIRY_SECONDS + 1) * 1000;
        fs.setTimes(file, expired, expired);
    }

    private String read(Path file) throws IOException {
        try (var in = fs.open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void write(Path file, String text) throws IOException {
        try (OutputStream out = fs.create(file, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
