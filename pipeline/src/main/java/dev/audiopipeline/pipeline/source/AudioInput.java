package dev.audiopipeline.pipeline.source;

import java.io.Serializable;
import java.util.Objects;

/**
 * One file to process, as listed from a root or a manifest.
 *
 * @param path the file's full URI ({@code file:/...}, {@code hdfs://...}, {@code s3a://...})
 * @param trackId stable identifier: hex SHA-256 prefix of {@link #relativePath} (unchanged if the root moves)
 * @param relativePath the path below the root (or as written in the manifest)
 * @param label the class label, or null when the layout gives none (scoring an unlabeled library)
 * @param split {@link Split#TRAIN} or {@link Split#TEST}
 * @param splitGiven true if the layout or manifest stated the split, false if {@link TrackSplit} assigned it
 * @param sizeBytes file size when listed
 * @param modificationTime modification time when listed (ms since the epoch); with the size, what tells a
 *     changed file on the next run
 */
public record AudioInput(String path, String trackId, String relativePath, String label, Split split,
                         boolean splitGiven, long sizeBytes, long modificationTime) implements Serializable {

    public AudioInput {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(split, "split");
    }
}
