package dev.audiopipeline.pipeline.store;

import java.util.Set;

/**
 * What an extraction output already holds about one input path: the identity it was extracted with and the data
 * files its rows live in.
 *
 * @param path the input's URI
 * @param sizeBytes the file's size when it was extracted (null for a manifest entry whose file was missing)
 * @param modificationTime its modification time then (ms since the epoch; null as for the size)
 * @param label the label it was extracted with (null if none)
 * @param split the split code it was extracted with (null for a rejection without one)
 * @param featureFiles the {@code features/} data files holding its rows (keys of {@link ExtractionStore#key})
 * @param rejectedFiles the {@code rejected/} data files holding its row
 */
public record StoredTrack(String path, Long sizeBytes, Long modificationTime, String label, String split,
                          Set<String> featureFiles, Set<String> rejectedFiles) {

    public StoredTrack {
        featureFiles = Set.copyOf(featureFiles);
        rejectedFiles = Set.copyOf(rejectedFiles);
    }

    /** True if the path was rejected (it has no features). */
    public boolean rejected() {
        return featureFiles.isEmpty();
    }
}
