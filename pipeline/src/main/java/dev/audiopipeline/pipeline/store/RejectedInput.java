package dev.audiopipeline.pipeline.store;

import java.io.Serializable;

/**
 * One row of {@code rejected/}: an input that could not be used, why, and the identity it was listed with (null
 * for a manifest entry whose file is missing).
 */
public record RejectedInput(String path, String reason, String detail, String label, String split, Long sourceSize,
                            Long sourceMtimeMs) implements Serializable {}
