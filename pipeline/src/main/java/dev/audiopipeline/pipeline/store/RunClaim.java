package dev.audiopipeline.pipeline.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run's claim file ({@code _staging/<run>/_alive}) says about the driver holding it, as {@code key=value}
 * lines an operator can read:
 * <pre>
 * run=20261121T221605Z-3fa9c1
 * host=worker-7
 * pid=41234
 * process_start=2026-11-21T22:16:03.120Z
 * pid_namespace=pid:[4026531836]
 * </pre>
 * A claim written by an earlier version holds only the run id (or nothing): its host and process are unknown, and
 * only its age counts.
 *
 * @param run the run's id (its staging directory's name)
 * @param host the driver's host name, or null if unknown
 * @param pid the driver's process id, or null if unknown
 * @param processStart when the driver process started (guards against a reused pid), or null if unknown
 * @param pidNamespace the Linux pid namespace the pid belongs to (containers sharing a host name may not share
 *     their processes), or null if unknown
 */
public record RunClaim(String run, String host, Long pid, Instant processStart, String pidNamespace) {

    private static final Path PID_NAMESPACE = Path.of("/proc/self/ns/pid");

    /** The claim of a run whose driver is this JVM. */
    public static RunClaim ofThisProcess(RunId run) {
        ProcessHandle self = ProcessHandle.current();
        return new RunClaim(run.value(), localHost(), self.pid(), self.info().startInstant().orElse(null),
                currentPidNamespace());
    }

    /** This process's pid namespace ({@code pid:[4026531836]}), or null off Linux. */
    private static String currentPidNamespace() {
        try {
            return Files.readSymbolicLink(PID_NAMESPACE).toString();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    /** This machine's name as claims record it, or null if it has none. */
    static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** The file's text. */
    public String text() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("run", run);
        fields.put("host", host);
        fields.put("pid", pid);
        fields.put("process_start", processStart);
        fields.put("pid_namespace", pidNamespace);
        StringBuilder text = new StringBuilder();
        fields.forEach((key, value) -> {
            if (value != null) {
                text.append(key).append('=').append(value).append('\n');
            }
        });
        return text.toString();
    }

    /**
     * Reads a claim file's text. Lines that are not {@code key=value}, unknown keys and values that do not parse
     * are left out (an earlier version wrote the run id alone): what is missing is unknown.
     *
     * @param run the run the claim's directory is named after
     */
    public static RunClaim parse(String run, String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                fields.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
            }
        }
        return new RunClaim(run, nonEmpty(fields.get("host")), parsePid(fields.get("pid")),
                parseInstant(fields.get("process_start")), nonEmpty(fields.get("pid_namespace")));
    }

    private static String nonEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static Long parsePid(String value) {
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant parseInstant(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** For messages: {@code <run>, pid 1234 on host h}, or the run alone when the driver is unknown. */
    public String describe() {
        if (pid == null || host == null) {
            return run;
        }
        return run + ", pid " + pid + " on host " + host;
    }
}
