package dev.audiopipeline.jobs.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Layers configuration, lowest precedence first: built-in defaults, then configuration files, then
 * {@code --conf key=value} options, then a command's own options. A key is checked as it is applied (an unknown
 * key fails at once with the key and the source); values are parsed and checked by {@link #build()}, in the same
 * order, once the redaction rule ({@code spark.redaction.regex}, wherever it is given) is known: a message about a
 * bad value never shows a value that rule finds sensitive (see {@link Redaction}).
 *
 * <p>File format: UTF-8 text, one {@code key = value} per line; blank lines and lines starting with
 * {@code #} are ignored; a key may appear only once per file. Keys starting with {@code spark.} are passed to
 * Spark unchanged (Spark checks them).
 */
public final class JobConfigBuilder {

    private static final String SPARK_PREFIX = "spark.";

    /** One {@code key = value} as given, in the order given. */
    private record Assignment(String key, String rawValue, ConfigSource source) {}

    private final List<Assignment> assignments = new ArrayList<>();

    public JobConfigBuilder() {}

    /** Applies a configuration file. */
    public JobConfigBuilder file(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("configuration file not found: " + file);
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            ConfigSource source = ConfigSource.fileLine(file.toString(), i + 1);
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new ConfigException(source + ": expected 'key = value', got " + shownText(line));
            }
            String key = line.substring(0, equals).strip();
            if (!seen.add(key)) {
                throw new ConfigException(source + ": setting '" + key + "' is given twice in this file");
            }
            set(key, line.substring(equals + 1), source);
        }
        return this;
    }

    /** Applies {@code --conf key=value} options, in order. */
    public JobConfigBuilder confOptions(List<String> assignments) {
        for (String assignment : assignments) {
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                throw new ConfigException("--conf: expected key=value, got " + shownText(assignment));
            }
            set(assignment.substring(0, equals).strip(), assignment.substring(equals + 1), ConfigSource.confOption());
        }
        return this;
    }

    /** Applies a command's own option (e.g. {@code --n-fft 1024}) to the setting it stands for. */
    public <T> JobConfigBuilder option(Setting<T> setting, String optionName, Object value) {
        if (value != null) {
            set(setting.key(), String.valueOf(value), ConfigSource.commandOption(optionName));
        }
        return this;
    }

    /** Sets one key from text, checking that it exists; its value is checked by {@link #build()}. */
    public JobConfigBuilder set(String key, String rawValue, ConfigSource source) {
        if (!key.startsWith(SPARK_PREFIX) && Settings.byKey(key).isEmpty()) {
            throw new ConfigException(source + ": unknown setting '" + key + "'" + suggestion(key));
        }
        assignments.add(new Assignment(key, rawValue, source));
        return this;
    }

    /**
     * Parses and checks every value given, in order.
     *
     * @throws ConfigException naming the source, the key and what is wrong with the first bad value (a sensitive
     *     value is not shown), or an invalid {@code spark.redaction.regex}
     */
    public JobConfig build() {
        Redaction redaction = redaction();
        Map<Setting<?>, JobConfig.Value> values = new LinkedHashMap<>();
        for (Setting<?> setting : Settings.all()) {
            values.put(setting, new JobConfig.Value(setting.defaultValue(), ConfigSource.DEFAULT));
        }
        Map<String, String> sparkProperties = new LinkedHashMap<>();
        for (Assignment assignment : assignments) {
            if (assignment.key().startsWith(SPARK_PREFIX)) {
                sparkProperties.put(assignment.key(), assignment.rawValue().strip());
            } else {
                Setting<?> setting = Settings.byKey(assignment.key()).orElseThrow();
                values.put(setting, new JobConfig.Value(
                        setting.parse(assignment.rawValue(), assignment.source().toString(), redaction),
                        assignment.source()));
            }
        }
        return new JobConfig(values, sparkProperties, redaction);
    }

    /**
     * The redaction rule of these settings: the last {@code spark.redaction.regex} given, else the one spark-submit
     * passed (a system property), else Spark's default.
     *
     * @throws ConfigException if the pattern given is not a regular expression
     */
    public Redaction redaction() {
        Assignment last = null;
        for (Assignment assignment : assignments) {
            if (assignment.key().equals(Redaction.REGEX_KEY)) {
                last = assignment;
            }
        }
        return last == null ? Redaction.fromSystemProperties()
                : Redaction.of(last.rawValue(), last.source().toString());
    }

    /**
     * The values given so far to settings the redaction rule finds sensitive, as given (stripped): what no error
     * line may show, even one that fails before {@link #build()} (with an invalid rule, Spark's default decides).
     */
    public Set<String> secretValues() {
        Redaction redaction;
        try {
            redaction = redaction();
        } catch (ConfigException e) {
            redaction = Redaction.fromSystemProperties();
        }
        Set<String> secrets = new LinkedHashSet<>();
        for (Assignment assignment : assignments) {
            if (redaction.isSensitive(assignment.key(), assignment.rawValue().strip())) {
                Redaction.addSecret(secrets, assignment.rawValue());
            }
        }
        return secrets;
    }

    /** A malformed line or option as an error message may show it: quoted, or redacted if it may hold a secret. */
    private String shownText(String text) {
        Redaction known;
        try {
            known = redaction();
        } catch (ConfigException e) {
            known = Redaction.fromSystemProperties();
        }
        String shown = Redaction.defaults().text(known.text(text));
        return shown.equals(text) ? "'" + text + "'" : shown;
    }

    private static String suggestion(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Setting<?> setting : Settings.all()) {
            int distance = editDistance(key, setting.key());
            if (distance < bestDistance) {
                bestDistance = distance;
                best = setting.key();
            }
        }
        boolean close = best != null && bestDistance <= Math.max(2, key.length() / 4);
        return close ? " (did you mean '" + best + "'?)" : " (see 'audio-pipeline config' for the list)";
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
