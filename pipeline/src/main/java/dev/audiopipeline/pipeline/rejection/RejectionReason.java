package dev.audiopipeline.pipeline.rejection;

import java.util.Locale;

/**
 * Why an input could not be used, whichever stage found out (listing, decoding, cutting into segments, the
 * per-file time limit): the fixed vocabulary of the {@code reason} column of {@code rejected/} and of the ML
 * transformer's {@code error_reason}. The wording of each constant's {@link #code()} is part of the product's
 * output contract.
 */
public enum RejectionReason {
    /** No decoder understands the container or codec (e.g. text renamed .wav, an unsupported WAV encoding). */
    UNSUPPORTED_FORMAT,
    /** The container is recognised but its header or data are inconsistent (zero channels, absurd sizes). */
    CORRUPT,
    /** The file ends before its header says it should. */
    TRUNCATED,
    /** Zero bytes, or a valid header with no audio. */
    EMPTY,
    /** Decodable, but shorter than the minimum a job needs (e.g. less than one segment): found when cutting. */
    TOO_SHORT,
    /** The bytes could not be read at all (permissions, I/O error, a manifest entry whose file is missing). */
    UNREADABLE,
    /** Decoding and features took longer than the job's per-file time limit (the file is set aside). */
    TIMEOUT;

    /** The lower-case code written to {@code rejected/}, e.g. {@code unsupported_format}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
