package dev.audiopipeline.pipeline.store;

import java.time.Instant;
import org.apache.hadoop.fs.Path;

/**
 * A claim found in an output ({@link ExtractionStore#claimsOtherThan}).
 *
 * @param claim what the claim file says
 * @param file the claim file, {@code _staging/<run>/_alive}
 * @param renewed when it was last written
 */
public record FoundClaim(RunClaim claim, Path file, Instant renewed) {

    /** When the claim stops counting unless it is renewed. */
    public Instant expires(long expirySeconds) {
        return renewed.plusSeconds(expirySeconds);
    }

    /** True if the claim was renewed within {@code expirySeconds} before {@code now}. */
    public boolean renewedWithin(long expirySeconds, Instant now) {
        return now.isBefore(expires(expirySeconds));
    }
}
