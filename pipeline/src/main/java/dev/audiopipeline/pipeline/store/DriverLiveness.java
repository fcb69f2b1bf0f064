package dev.audiopipeline.pipeline.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether the driver that holds a claim is provably gone. Only a driver on this host, in this pid namespace, can be
 * checked: it is gone if its pid is not alive, or is alive but started at another time (the pid was reused). A claim
 * from another host, or one that does not say (an earlier version's), is never provably gone: it counts until it
 * expires.
 */
final class DriverLiveness {

    /**
     * Start times read twice for one process may differ a little: Linux derives them from the boot time, which moves
     * with clock adjustments. A reused pid belongs to a process started after the claim's driver was running.
     */
    private static final Duration START_TOLERANCE = Duration.ofSeconds(2);

    private DriverLiveness() {}

    /**
     * @param claim a claim found in the output
     * @param self this process's own claim (its host and pid namespace)
     */
    static boolean provablyGone(RunClaim claim, RunClaim self) {
        if (claim.pid() == null || claim.host() == null || !claim.host().equals(self.host())
                || !Objects.equals(claim.pidNamespace(), self.pidNamespace())) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(claim.pid());
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        Optional<Instant> started = process.get().info().startInstant();
        return claim.processStart() != null && started.isPresent()
                && Duration.between(claim.processStart(), started.get()).abs().compareTo(START_TOLERANCE) > 0;
    }
}
