package dev.audiopipeline.jobs.config;

import dev.audiopipeline.features.ParameterRule;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One typed, documented setting: its key, what it means, its default, how a text value is parsed and what
 * values are valid. Every setting is declared once, in {@link Settings}; nothing else reads a raw key.
 *
 * @param <T> the value type
 */
public final class Setting<T> {

    /** The text of "no value" for settings that allow none (e.g. no top_db floor). */
    public static final String NONE = "none";

    private final String key;
    private final String doc;
    private final String typeName;
    private final T defaultValue;
    private final Function<String, T> parser;
    private final Predicate<T> validity;
    private final String validityDescription;
    private final boolean noneAllowed;
    private final ParameterRule<T> rule;

    private Setting(Builder<T> builder) {
        this.key = Objects.requireNonNull(builder.key, "key");
        this.doc = Objects.requireNonNull(builder.doc, "doc");
        this.typeName = Objects.requireNonNull(builder.typeName, "typeName");
        this.parser = Objects.requireNonNull(builder.parser, "parser");
        this.validity = builder.validity;
        this.validityDescription = builder.validityDescription;
        this.defaultValue = builder.defaultValue;
        this.noneAllowed = builder.noneAllowed;
        this.rule = builder.rule;
        if (defaultValue == null && !noneAllowed) {
            throw new IllegalStateException("setting " + key + " has no default and does not allow none");
        }
        if (defaultValue != null && !validity.test(defaultValue)) {
            throw new IllegalStateException("default of " + key + " (" + defaultValue + ") is itself invalid");
        }
    }

    public static Builder<Integer> integer(String key) {
        return new Builder<>(key, "integer", Setting::parseInteger);
    }

    public static Builder<Double> decimal(String key) {
        return new Builder<>(key, "number", Setting::parseDecimal);
    }

    public static Builder<Boolean> bool(String key) {
        return new Builder<>(key, "boolean", Setting::parseBoolean);
    }

    public static Builder<String> text(String key) {
        return new Builder<>(key, "text", raw -> raw);
    }

    public String key() {
        return key;
    }

    public String doc() {
        return doc;
    }

    public String typeName() {
        return typeName;
    }

    /** The default value; {@code null} ("none") only for settings that allow none. */
    public T defaultValue() {
        return defaultValue;
    }

    /** Whether {@code none} is a valid value (meaning null). */
    public boolean noneAllowed() {
        return noneAllowed;
    }

    /** The rule of the parameter this setting sets, or null for a setting that is not a rule's parameter. */
    public ParameterRule<T> rule() {
        return rule;
    }

    /** What a valid value looks like, e.g. "> 0"; empty when any value of the type is valid. */
    public String validityDescription() {
        return validityDescription;
    }

    /**
     * Parses and validates a text value, under Spark's default redaction rule.
     *
     * @throws ConfigException naming this setting's key, the value and what is wrong with it
     */
    public T parse(String raw, String source) {
        return parse(raw, source, Redaction.defaults());
    }

    /**
     * Parses and validates a text value; a message about a value {@code redaction} finds sensitive shows
     * {@value Redaction#REDACTED} in its place.
     *
     * @throws ConfigException naming this setting's key, the value (or that it is redacted) and what is wrong
     */
    public T parse(String raw, String source, Redaction redaction) {
        String trimmed = raw.trim();
        if (noneAllowed && (trimmed.isEmpty() || trimmed.equalsIgnoreCase(NONE))) {
            return null;
        }
        boolean sensitive = redaction.isSensitive(key, trimmed);
        String shown = sensitive ? Redaction.REDACTED : "'" + trimmed + "'";
        T value;
        try {
            value = parser.apply(trimmed);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source + ": setting '" + key + "': " + shown + " is not a valid " + typeName
                    + (sensitive ? "" : problem(e)));
        }
        if (!validity.test(value)) {
            throw new ConfigException(source + ": setting '" + key + "': " + shown + " is invalid, must be "
                    + validityDescription);
        }
        return value;
    }

    /** The text form of a value, such that {@code parse(format(v))} gives back {@code v}. */
    public String format(T value) {
        return value == null ? NONE : String.valueOf(value);
    }

    @Override
    public String toString() {
        return key;
    }

    private static String problem(IllegalArgumentException e) {
        return e.getMessage() == null || e instanceof NumberFormatException ? "" : " (" + e.getMessage() + ")";
    }

    private static Integer parseInteger(String raw) {
        return Integer.valueOf(raw.replace("_", ""));
    }

    private static Double parseDecimal(String raw) {
        double value = Double.parseDouble(raw);
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("not a finite number");
        }
        return value;
    }

    private static Boolean parseBoolean(String raw) {
        switch (raw.toLowerCase(java.util.Locale.ROOT)) {
            case "true":
            case "yes":
            case "on":
                return Boolean.TRUE;
            case "false":
            case "no":
            case "off":
                return Boolean.FALSE;
            default:
                throw new IllegalArgumentException("expected true or false");
        }
    }

    /** Builds a setting; {@link #build()} is called by {@link Settings} when it registers it. */
    public static final class Builder<T> {
        private final String key;
        private final String typeName;
        private final Function<String, T> parser;
        private String doc;
        private T defaultValue;
        private Predicate<T> validity = value -> true;
        private String validityDescription = "";
        private boolean noneAllowed;
        private ParameterRule<T> rule;

        private Builder(String key, String typeName, Function<String, T> parser) {
            this.key = key;
            this.typeName = typeName;
            this.parser = parser;
        }

        public Builder<T> doc(String doc) {
            this.doc = doc;
            return this;
        }

        public Builder<T> defaultValue(T defaultValue) {
            this.defaultValue = defaultValue;
            return this;
        }

        /** The value {@code none} (or an empty value) is allowed and means null; the doc says what it means. */
        public Builder<T> noneAllowed() {
            this.noneAllowed = true;
            return this;
        }

        public Builder<T> check(Predicate<T> validity, String description) {
            this.validity = this.validity.and(validity);
            this.validityDescription =
                    this.validityDescription.isEmpty() ? description : this.validityDescription + " and " + description;
            return this;
        }

        /**
         * The setting sets the parameter of {@code rule}: its values are checked, and described, by that rule (the
         * parameter's one declaration), and an {@link dev.audiopipeline.features.InvalidParameterException} of the
         * rule is reported under this setting's key.
         */
        public Builder<T> rule(ParameterRule<T> rule) {
            this.rule = rule;
            return check(rule::accepts, rule.expectation());
        }

        public Setting<T> build() {
            return new Setting<>(this);
        }
    }
}
