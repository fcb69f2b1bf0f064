package dev.audiopipeline.jobs.cli;

/**
 * A job could not do what it was asked for a reason a user can act on (an unreadable input, an output that
 * exists); the message says which file and why. Printed as one line, exit code 1.
 */
public final class JobFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JobFailedException(String message) {
        super(message);
    }

    public JobFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
