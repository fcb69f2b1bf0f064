package dev.audiopipeline.pipeline.store;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The name of one extraction run: its UTC start time and a random suffix, e.g. {@code 20261121T221605Z-3fa9c1}.
 * Every run's rows sit in a {@code run=<id>} partition of {@code features/} and {@code rejected/}, so readers get a
 * {@code run} column and can select one night's rows. Ids sort by start time; the form never parses as a number or
 * date, so Spark's and Arrow's partition inference keep it a string.
 */
public record RunId(String value) {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern FORM = Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{6}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public RunId {
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a run id: '" + value + "'");
        }
    }

    /** A new id for a run starting at {@code now}. */
    public static RunId startingAt(Instant now) {
        byte[] suffix = new byte[3];
        RANDOM.nextBytes(suffix);
        return new RunId(STAMP.format(now) + "-" + HexFormat.of().formatHex(suffix));
    }

    /** The partition directory name: {@code run=<id>}. */
    public String partition() {
        return "run=" + value;
    }

    @Override
    public String toString() {
        return value;
    }
}
