package dev.audiopipeline.jobs.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The resolved, validated settings of one job run: every setting of {@link Settings} with its value and where
 * that value came from, plus the {@code spark.*} keys that are handed to Spark as they are. Immutable; build
 * it with {@link JobConfigBuilder}.
 */
public final class JobConfig {

    /** A value and its origin. */
    public record Value(Object value, ConfigSource source) {}

    private final Map<Setting<?>, Value> values;
    private final Map<String, String> sparkProperties;
    private final Redaction redaction;

    JobConfig(Map<Setting<?>, Value> values, Map<String, String> sparkProperties, Redaction redaction) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.sparkProperties = Collections.unmodifiableMap(new LinkedHashMap<>(sparkProperties));
        this.redaction = Objects.requireNonNull(redaction, "redaction");
    }

    /** The defaults of every setting, no file, no overrides. */
    public static JobConfig defaults() {
        return new JobConfigBuilder().build();
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        Value value = Objects.requireNonNull(values.get(setting), () -> "not a registered setting: " + setting);
        return (T) value.value();
    }

    public ConfigSource sourceOf(Setting<?> setting) {
        return values.get(setting).source();
    }

    /** Every registered setting, in declaration order, with its value and source. */
    public Map<Setting<?>, Value> values() {
        return values;
    }

    /**
     * The {@code spark.*} properties given in files or options, to set on the SparkConf: values in clear, for
     * Spark only. Anything shown to a person or written goes through {@link #redaction()}.
     */
    public Map<String, String> sparkProperties() {
        return sparkProperties;
    }

    /** The redaction rule of this job ({@code spark.redaction.regex}, or Spark's default). */
    public Redaction redaction() {
        return redaction;
    }

    /** A setting's value as it may be shown: its text, or {@value Redaction#REDACTED} if it is sensitive. */
    public <T> String shownValue(Setting<T> setting) {
        return redaction.value(setting.key(), setting.format(get(setting)));
    }

    /** {@link #sparkProperties()} as they may be shown: sensitive values redacted. */
    public Map<String, String> shownSparkProperties() {
        return redaction.redact(sparkProperties);
    }
}
