package dev.audiopipeline.pipeline.decode;

import java.io.IOException;

/** An input that cannot be decoded, with a {@link DecodeFailure} reason and a human-readable detail. */
public final class AudioDecodeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final DecodeFailure reason;

    public AudioDecodeException(DecodeFailure reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public AudioDecodeException(DecodeFailure reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public DecodeFailure reason() {
        return reason;
    }

    /** What went wrong, without the reason code (e.g. "data chunk claims 4294967295 bytes, file has 44"). */
    public String detail() {
        return getMessage();
    }

    @Override
    public String toString() {
        return reason.code() + ": " + getMessage();
    }
}
