package dev.audiopipeline.jobs.config;

/** A setting is unknown or has a bad value; the message names the key, where it came from and what is wrong. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
