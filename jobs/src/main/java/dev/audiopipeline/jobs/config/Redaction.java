package dev.audiopipeline.jobs.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which settings are credentials, and how they are shown: Spark's rule, so that what the product prints and
 * reports hides exactly what Spark's own UI, event log and logs hide. A setting is sensitive when
 * {@code spark.redaction.regex} (Spark's default {@value #DEFAULT_REGEX}, or the job's own value) finds a match in
 * its key or in its value; its value is then shown as {@value #REDACTED}, Spark's text. The one place that
 * decides; {@code config}'s output, every setting's error message and the command line's error lines use it.
 *
 * <p>The redaction settings themselves ({@code spark.redaction.regex}, {@code spark.redaction.string.regex}) are
 * patterns, not credentials: their values are shown (Spark's default pattern contains the word "secret").
 */
public final class Redaction {

    /** Spark's setting of the rule; a job's value (settings file, {@code --conf}, spark-submit) replaces the default. */
    public static final String REGEX_KEY = "spark.redaction.regex";
    /** Spark 3.5's default of {@code spark.redaction.regex} (a test keeps the two identical). */
    public static final String DEFAULT_REGEX = "(?i)secret|password|token|access[.]?key";
    /** What a sensitive value is shown as: Spark's {@code Utils.REDACTION_REPLACEMENT_TEXT}. */
    public static final String REDACTED = "*********(redacted)";

    private static final String STRING_REGEX_KEY = "spark.redaction.string.regex";
    private static final Redaction DEFAULT = new Redaction(Pattern.compile(DEFAULT_REGEX));

    private final Pattern pattern;

    private Redaction(Pattern pattern) {
        this.pattern = pattern;
    }

    /** Spark's default rule. */
    public static Redaction defaults() {
        return DEFAULT;
    }

    /**
     * The rule in force before any settings file or option: {@code spark.redaction.regex} as spark-submit passes
     * it (a system property, which Spark's configuration reads too), else Spark's default. An invalid pattern there
     * falls back to the default (Spark itself would refuse it when it starts).
     */
    public static Redaction fromSystemProperties() {
        String regex = System.getProperty(REGEX_KEY);
        if (regex == null || regex.isBlank()) {
            return DEFAULT;
        }
        try {
            return new Redaction(Pattern.compile(regex.strip()));
        } catch (PatternSyntaxException e) {
            return DEFAULT;
        }
    }

    /**
     * The rule a job sets.
     *
     * @param source where the pattern was given, for the error message
     * @throws ConfigException if {@code regex} is not a regular expression
     */
    public static Redaction of(String regex, String source) {
        try {
            return new Redaction(Pattern.compile(regex.strip()));
        } catch (PatternSyntaxException e) {
            throw new ConfigException(source + ": setting '" + REGEX_KEY + "': not a valid regular expression ("
                    + e.getDescription() + " near index " + e.getIndex() + ")");
        }
    }

    /** The rule a command line sets with {@code --conf spark.redaction.regex=...} (the last one), else as before. */
    public static Redaction forArguments(String[] args) {
        String regex = null;
        for (String arg : args) {
            String assignment = arg.startsWith("--conf=") ? arg.substring("--conf=".length()) : arg;
            int equals = assignment.indexOf('=');
            if (equals > 0 && assignment.substring(0, equals).strip().equals(REGEX_KEY)) {
                regex = assignment.substring(equals + 1);
            }
        }
        if (regex == null) {
            return fromSystemProperties();
        }
        try {
            return new Redaction(Pattern.compile(regex.strip()));
        } catch (PatternSyntaxException e) {
            return fromSystemProperties();
        }
    }

    /** The pattern in force. */
    public String regex() {
        return pattern.pattern();
    }

    /** Whether the setting {@code key} with this value is a credential: the pattern is found in the key or value. */
    public boolean isSensitive(String key, String value) {
        if (pattern.matcher(key).find()) {
            return true;
        }
        return value != null && !isRedactionSetting(key) && pattern.matcher(value).find();
    }

    /** The value as it may be shown: itself, or {@value #REDACTED} when the setting is sensitive. */
    public String value(String key, String value) {
        return isSensitive(key, value) ? REDACTED : value;
    }

    /** The map with every sensitive value replaced, in the same order. */
    public Map<String, String> redact(Map<String, String> settings) {
        Map<String, String> shown = new LinkedHashMap<>();
        settings.forEach((key, value) -> shown.put(key, value(key, value)));
        return shown;
    }

    /**
     * A piece of settings text that could not be read as {@code key = value} (a malformed line), as it may be
     * shown: itself, or {@value #REDACTED} if the pattern is found anywhere in it.
     */
    public String text(String text) {
        return pattern.matcher(text).find() ? REDACTED : text;
    }

    /**
     * The values a command line gives to sensitive settings: the value of every {@code KEY=VALUE} argument whose
     * key or value is sensitive, and the argument after a sensitive key given without {@code =} (a
     * {@code --conf KEY VALUE} typo, which picocli would report as an unmatched argument, echoing it).
     */
    public Set<String> secretsIn(String[] args) {
        Set<String> secrets = new LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            String assignment = args[i].startsWith("--conf=") ? args[i].substring("--conf=".length()) : args[i];
            int equals = assignment.indexOf('=');
            if (equals > 0) {
                String key = assignment.substring(0, equals).strip();
                String value = assignment.substring(equals + 1);
                if (!key.startsWith("-") && isSensitive(key, value)) {
                    addSecret(secrets, value);
                }
            } else if (!assignment.startsWith("-") && pattern.matcher(assignment).find() && i + 1 < args.length
                    && !args[i + 1].startsWith("-")) {
                addSecret(secrets, args[i + 1]);
            }
        }
        return secrets;
    }

    /** {@code text} with every occurrence of each secret replaced by {@value #REDACTED}, longest secrets first. */
    public static String scrub(String text, Collection<String> secrets) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        List<String> longestFirst = secrets.stream().filter(secret -> !secret.isBlank())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        String scrubbed = text;
        for (String secret : longestFirst) {
            scrubbed = scrubbed.replace(secret, REDACTED);
        }
        return scrubbed;
    }

    static void addSecret(Set<String> secrets, String value) {
        String stripped = value.strip();
        if (!stripped.isEmpty()) {
            secrets.add(stripped);
        }
    }

    private static boolean isRedactionSetting(String key) {
        return key.equals(REGEX_KEY) || key.equals(STRING_REGEX_KEY);
    }

    @Override
    public String toString() {
        return pattern.pattern();
    }
}
