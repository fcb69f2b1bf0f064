package dev.audiopipeline.pipeline.store;

/** An output a run must not add to: it holds features computed with other settings, or is not an extraction output. */
public final class IncompatibleOutputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IncompatibleOutputException(String message) {
        super(message);
    }
}
