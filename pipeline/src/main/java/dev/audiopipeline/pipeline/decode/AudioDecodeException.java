package dev.audiopipeline.pipeline.decode;

import dev.audiopipeline.pipeline.rejection.RejectedAudioException;
import dev.audiopipeline.pipeline.rejection.RejectionReason;

/** An input that cannot be decoded, with a {@link RejectionReason} and a human-readable detail. */
public final class AudioDecodeException extends RejectedAudioException {
    private static final long serialVersionUID = 1L;

    public AudioDecodeException(RejectionReason reason, String detail) {
        super(reason, detail);
    }

    public AudioDecodeException(RejectionReason reason, String detail, Throwable cause) {
        super(reason, detail, cause);
    }
}
