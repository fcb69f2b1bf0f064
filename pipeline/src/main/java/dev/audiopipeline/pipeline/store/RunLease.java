package dev.audiopipeline.pipeline.store;

import dev.audiopipeline.pipeline.spark.DaemonThreads;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.util.ShutdownHookManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's claim on its output while it lives: {@code _staging/<run>/_alive} ({@link RunClaim}: run, host, pid),
 * rewritten every {@link #HEARTBEAT_SECONDS}. Another run into the same output refuses to start while a claim is
 * younger than {@link #EXPIRY_SECONDS} (it would otherwise take the live run's staging for a failed run's and remove
 * it), unless the claim's driver ran on this host and is provably gone ({@link DriverLiveness}); it treats an older
 * claim as a run that died.
 *
 * <p>Giving the claim up ({@link #close} before {@link #publish}, or the JVM stopping on SIGTERM or Ctrl-C) removes
 * the staging, or, once the publish plan is written, only the claim, for the next run to complete the publishing.
 * Whichever of the two comes first gives it up; the other does nothing.
 */
public final class RunLease implements AutoCloseable {

    public static final long HEARTBEAT_SECONDS = 30;
    /** A driver killed without notice, on another host, blocks the output this long. */
    public static final long EXPIRY_SECONDS = 600;
    /**
     * The shutdown hook runs after Spark's ({@code FileSystem.SHUTDOWN_HOOK_PRIORITY + 30}: by then no task writes
     * to the staging any more) and before Hadoop's {@code FileSystem.Cache} closes the filesystems (at
     * {@code FileSystem.SHUTDOWN_HOOK_PRIORITY}); Hadoop's {@link ShutdownHookManager} runs higher priorities first.
     */
    static final int SHUTDOWN_PRIORITY = FileSystem.SHUTDOWN_HOOK_PRIORITY + 10;
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 30;

    private static final Logger LOG = LoggerFactory.getLogger(RunLease.class);

    private final ExtractionStore store;
    private final RunClaim claim;
    private final RunId run;
    private final ScheduledExecutorService heartbeat;
    private final Runnable onShutdown = this::releaseAtShutdown;
    // Guarded by this: renewals, the plan's writing and giving up never interleave.
    private boolean renewing = true;
    private boolean published;
    private boolean released;

    private RunLease(ExtractionStore store, RunId run, RunClaim claim) {
        this.store = store;
        this.run = run;
        this.claim = claim;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("extract-lease"));
    }

    /**
     * Claims the output for {@code run}.
     *
     * @throws IncompatibleOutputException if another run is alive in the output (the claim is given up again),
     *     saying when its claim expires and which file to delete if that run is gone
     */
    public static RunLease take(ExtractionStore store, RunId run) throws IOException {
        RunClaim own = RunClaim.ofThisProcess(run);
        store.writeClaim(own);
        FoundClaim other;
        try {
            other = liveClaimOtherThan(store, run, own);
        } catch (IOException | RuntimeException e) {
            store.abandon(run);
            throw e;
        }
        if (other != null) {
            store.abandon(run);
            throw new IncompatibleOutputException(refusal(store, other));
        }
        RunLease lease = new RunLease(store, run, own);
        try {
            ShutdownHookManager.get().addShutdownHook(lease.onShutdown, SHUTDOWN_PRIORITY, SHUTDOWN_TIMEOUT_SECONDS,
                    TimeUnit.SECONDS);
        } catch (IllegalStateException shuttingDown) {
            store.abandon(run);
            throw new IOException("run " + run + " not started: this JVM is shutting down", shuttingDown);
        }
        lease.heartbeat.scheduleAtFixedRate(lease::renew, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        return lease;
    }

    /** A claim of another run that still counts, or null. */
    private static FoundClaim liveClaimOtherThan(ExtractionStore store, RunId run, RunClaim own) throws IOException {
        Instant now = Instant.now();
        for (FoundClaim other : store.claimsOtherThan(run)) {
            if (!other.renewedWithin(EXPIRY_SECONDS, now)) {
                continue;
            }
            if (DriverLiveness.provablyGone(other.claim(), own)) {
                LOG.warn("run {}: the claim {} is left by a driver that is gone (pid {} on this host): not waiting "
                        + "for it to expire", run, other.file(), other.claim().pid());
                continue;
            }
            return other;
        }
        return null;
    }

    private static String refusal(ExtractionStore store, FoundClaim other) {
        return "another extract run (" + other.claim().describe() + ") is writing to " + store.root()
                + ": runs into one output must not overlap. Its claim expires at "
                + other.expires(EXPIRY_SECONDS).truncatedTo(ChronoUnit.SECONDS) + " (UTC) unless renewed; if that "
                + "run is gone, delete " + other.file() + " and retry (the next run then removes what it staged, "
                + "or completes its publishing)";
    }

    private synchronized void renew() {
        if (!renewing || released) { // a renewal that waited for the lock while publishing began
            return;
        }
        try {
            store.writeClaim(claim);
        } catch (IOException | RuntimeException e) {
            LOG.warn("run {}: could not renew its claim on {}: {}", run, store.root(), e.toString());
        }
    }

    /**
     * Publishes the run ({@link ExtractionStore#publish}): stops renewing (publishing's last step removes the
     * staging, which a renewal must not recreate) and writes the plan, unless the claim was given up already.
     *
     * @throws IOException if the run was stopped before, or publishing failed
     */
    public void publish(PublishPlan plan) throws IOException {
        synchronized (this) {
            if (released) {
                throw new IOException("run " + run + " was stopped before publishing: nothing was published");
            }
            renewing = false;
            heartbeat.shutdownNow();
            store.commit(plan, run);
        }
        store.complete(plan, run);
        synchronized (this) {
            published = true;
        }
    }

    /** Gives the claim up (once): removes the staging, or only the claim if the plan is written. */
    private synchronized void release() throws IOException {
        if (released) {
            return;
        }
        released = true;
        heartbeat.shutdownNow();
        if (!published) {
            store.abandon(run);
        }
    }

    private void releaseAtShutdown() {
        try {
            synchronized (this) {
                if (!released && !published) {
                    LOG.warn("run {} stopped before it was published: giving up its claim on {}", run, store.root());
                }
            }
            release();
        } catch (IOException | RuntimeException e) {
            LOG.warn("run {}: could not give up its claim on {} while stopping: {}", run, store.root(), e.toString());
        }
    }

    /** The hook registered with Hadoop's {@link ShutdownHookManager} while the lease is held (tests run it). */
    Runnable shutdownHook() {
        return onShutdown;
    }

    @Override
    public void close() throws IOException {
        try {
            ShutdownHookManager.get().removeShutdownHook(onShutdown);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs (or ran) too; release() does its work once
        }
        release();
    }
}
