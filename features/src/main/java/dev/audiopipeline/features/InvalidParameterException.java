package dev.audiopipeline.features;

/**
 * A parameter value that breaks its {@link ParameterRule}. Carries the rule, so that a caller can name the
 * parameter the way its users know it (a setting key, a Spark ML param) without reading the message.
 */
public final class InvalidParameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient ParameterRule<?> rule;

    InvalidParameterException(ParameterRule<?> rule, String message) {
        super(message);
        this.rule = rule;
    }

    /** The rule that was broken: identifies the parameter. */
    public ParameterRule<?> rule() {
        return rule;
    }

    /** The parameter's name as the settings class knows it, e.g. {@code n_fft}. */
    public String parameter() {
        return rule.name();
    }
}
