package dev.audiopipeline.jobs.config;

import dev.audiopipeline.features.InvalidParameterException;

/** A setting is unknown or has a bad value; the message names the key, where it came from and what is wrong. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    /**
     * Values valid one by one but not together (e.g. fmax above the Nyquist frequency of the sample rate): the
     * message names the setting of the parameter whose rule was broken.
     *
     * @param what what was being built, e.g. "feature settings"
     */
    static ConfigException invalid(String what, InvalidParameterException e) {
        String setting = Settings.byRule(e.rule()).map(s -> "setting " + s.key())
                .orElse("parameter " + e.parameter());
        return new ConfigException("invalid " + what + ": " + e.getMessage() + " (" + setting + ")");
    }
}
