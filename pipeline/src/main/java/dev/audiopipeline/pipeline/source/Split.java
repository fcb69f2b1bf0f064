package dev.audiopipeline.pipeline.source;

import java.util.Locale;

/** Which part of the data a track belongs to. Models train on TRAIN and are evaluated on TEST. */
public enum Split {
    TRAIN, TEST;

    /** The lower-case name used in folder layouts, manifests and the {@code split} column. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code train} or {@code test} (case-insensitive); anything else is an IllegalArgumentException. */
    public static Split parse(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Split split : values()) {
            if (split.code().equals(value)) {
                return split;
            }
        }
        throw new IllegalArgumentException("split must be 'train' or 'test', got '" + text + "'");
    }
}
