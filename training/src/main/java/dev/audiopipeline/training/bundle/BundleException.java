package dev.audiopipeline.training.bundle;

/** A model bundle that cannot be used: missing or damaged files, another format, settings that do not match. */
public final class BundleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
