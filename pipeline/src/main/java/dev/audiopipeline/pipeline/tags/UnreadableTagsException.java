package dev.audiopipeline.pipeline.tags;

/** Why a file's tags are not read with jaudiotagger (its message becomes {@link ExistingTags#detail()}). */
final class UnreadableTagsException extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableTagsException(String message) {
        super(message);
    }
}
