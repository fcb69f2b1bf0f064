package dev.audiopipeline.pipeline.store;

import dev.audiopipeline.pipeline.spark.DaemonThreads;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's claim on its output while it lives: {@code _staging/<run>/_alive}, rewritten every
 * {@link #HEARTBEAT_SECONDS}. Another run into the same output refuses to start while a claim is younger than
 * {@link #EXPIRY_SECONDS} (it would otherwise take the live run's staging for a failed run's and remove it), and
 * treats an older one as a run that died. Closing without {@link #published} gives the claim up: the staging is
 * removed, or, if the publish plan was written, left for the next run to complete.
 */
public final class RunLease implements AutoCloseable {

    public static final long HEARTBEAT_SECONDS = 30;
    /** A driver killed without notice blocks the output this long. */
    public static final long EXPIRY_SECONDS = 600;

    private static final Logger LOG = LoggerFactory.getLogger(RunLease.class);

    private final ExtractionStore store;
    private final RunId run;
    private final ScheduledExecutorService heartbeat;
    private boolean published;

    private RunLease(ExtractionStore store, RunId run) {
        this.store = store;
        this.run = run;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("extract-lease"));
    }

    /**
     * Claims the output for {@code run}.
     *
     * @throws IncompatibleOutputException if another run is alive in the output (the claim is given up again)
     */
    public static RunLease take(ExtractionStore store, RunId run) throws IOException {
        store.writeLease(run);
        String other = store.liveRunOtherThan(run, EXPIRY_SECONDS);
        if (other != null) {
            store.abandon(run);
            throw new IncompatibleOutputException("another extract run (" + other + ") is writing to "
                    + store.root() + ": runs into one output must not overlap (a run that died stops counting "
                    + EXPIRY_SECONDS / 60 + " minutes after its last sign of life)");
        }
        RunLease lease = new RunLease(store, run);
        lease.heartbeat.scheduleAtFixedRate(lease::renew, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        return lease;
    }

    private void renew() {
        try {
            store.writeLease(run);
        } catch (IOException | RuntimeException e) {
            LOG.warn("run {}: could not renew its claim on {}: {}", run, store.root(), e.toString());
        }
    }

    /** Stops renewing before publishing, whose last step removes the staging (a renewal must not recreate it). */
    public void stopRenewing() {
        heartbeat.shutdownNow();
    }

    public void published() {
        published = true;
    }

    @Override
    public void close() throws IOException {
        heartbeat.shutdownNow();
        if (!published) {
            store.abandon(run);
        }
    }
}
