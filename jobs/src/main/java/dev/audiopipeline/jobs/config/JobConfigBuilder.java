package dev.audiopipeline.jobs.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Layers configuration, lowest precedence first: built-in defaults, then configuration files, then
 * {@code --conf key=value} options, then a command's own options. Each layer is checked as it is applied:
 * an unknown key or a bad value fails at once with the key, the source and what is wrong.
 *
 * <p>File format: UTF-8 text, one {@code key = value} per line; blank lines and lines starting with
 * {@code #} are ignored; a key may appear only once per file. Keys starting with {@code spark.} are passed to
 * Spark unchanged (Spark checks them).
 */
public final class JobConfigBuilder {

    private static final String SPARK_PREFIX = "spark.";

    private final Map<Setting<?>, JobConfig.Value> values = new LinkedHashMap<>();
    private final Map<String, String> sparkProperties = new LinkedHashMap<>();

    public JobConfigBuilder() {
        for (Setting<?> setting : Settings.all()) {
            values.put(setting, new JobConfig.Value(setting.defaultValue(), ConfigSource.DEFAULT));
        }
    }

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
                throw new ConfigException(source + ": expected 'key = value', got '" + line + "'");
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
                throw new ConfigException("--conf: expected key=value, got '" + assignment + "'");
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

    /** Sets one key from text, checking that it exists and that its value is valid. */
    public JobConfigBuilder set(String key, String rawValue, ConfigSource source) {
        if (key.startsWith(SPARK_PREFIX)) {
            sparkProperties.put(key, rawValue.strip());
            return this;
        }
        Setting<?> setting = Settings.byKey(key)
                .orElseThrow(() -> new ConfigException(source + ": unknown setting '" + key + "'" + suggestion(key)));
        values.put(setting, new JobConfig.Value(setting.parse(rawValue, source.toString()), source));
        return this;
    }

    public JobConfig build() {
        return new JobConfig(values, sparkProperties);
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
