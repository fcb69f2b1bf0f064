package dev.audiopipeline.pipeline.rejection;

import java.io.IOException;

/**
 * An input that cannot be used, with its {@link RejectionReason} and a human-readable detail: what decoding
 * ({@code decode.AudioDecodeException}) and cutting throw, and what a track's rejection records.
 */
public class RejectedAudioException extends IOException {
    private static final long serialVersionUID = 1L;

    private final RejectionReason reason;

    public RejectedAudioException(RejectionReason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public RejectedAudioException(RejectionReason reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public RejectionReason reason() {
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
