package dev.audiopipeline.pipeline.source;

import dev.audiopipeline.pipeline.rejection.RejectionReason;
import java.io.Serializable;

/**
 * An input that cannot be used, with a reason from the fixed vocabulary of {@code rejected/}.
 *
 * @param path the file's URI (as listed or as written in the manifest)
 * @param reason why
 * @param detail what exactly, for a person
 */
public record InputRejection(String path, RejectionReason reason, String detail) implements Serializable {}
