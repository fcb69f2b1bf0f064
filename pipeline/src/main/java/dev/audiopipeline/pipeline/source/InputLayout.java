package dev.audiopipeline.pipeline.source;

/** How labels and splits are read from an input root. */
public enum InputLayout {
    /** {@code ROOT/train/<label>/...} and {@code ROOT/test/<label>/...}: labels and split from the folders. */
    SPLIT_FOLDERS,
    /** {@code ROOT/<label>/...} (GTZAN's {@code genres/<genre>/<file>.au}): labels from the first folder. */
    LABEL_FOLDERS,
    /** A CSV manifest {@code path,label[,split]}. */
    MANIFEST,
    /** Files with no label folders (e.g. a library to score); files directly under ROOT are unlabeled too. */
    UNLABELED
}
