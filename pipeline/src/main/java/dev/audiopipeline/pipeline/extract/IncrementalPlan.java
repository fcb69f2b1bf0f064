package dev.audiopipeline.pipeline.extract;

import dev.audiopipeline.pipeline.source.AudioInput;
import dev.audiopipeline.pipeline.source.InputListing;
import dev.audiopipeline.pipeline.source.InputRejection;
import dev.audiopipeline.pipeline.store.StoredTrack;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a run has to do, given what is listed now and what the output already holds. A listed file is
 * <ul>
 *   <li>new: its path is not in the output;</li>
 *   <li>changed: its size, modification time, label or split differ from the stored ones;</li>
 *   <li>unchanged: otherwise (whether it gave features or was rejected), and then it is not read again.</li>
 * </ul>
 * New and changed files are processed. The stored rows of a changed file, and of a path the listing now rejects,
 * are replaced: the data files holding them are rewritten without them. Paths stored but no longer listed are only
 * counted: a file missing from one night's listing (an unmounted folder, a manifest being edited) never deletes
 * features.
 *
 * @param toProcess the inputs to decode and extract this run
 * @param listingRejections the listing's rejections to record this run (a manifest entry whose file is still
 *     missing, as it was last run, is unchanged)
 * @param replacedPaths stored paths whose rows this run replaces
 * @param featureFilesToRewrite the {@code features/} data files holding rows of replaced paths
 * @param rejectedFilesToRewrite the {@code rejected/} data files holding rows of replaced paths
 */
public record IncrementalPlan(List<AudioInput> toProcess, List<InputRejection> listingRejections,
                              Set<String> replacedPaths, Set<String> featureFilesToRewrite,
                              Set<String> rejectedFilesToRewrite, long newFiles, long changedFiles,
                              long unchangedFiles, long removedFiles) {

    /** The plan of a run into an output that holds nothing: everything listed is new. */
    public static IncrementalPlan everything(InputListing listing) {
        return of(listing, Map.of());
    }

    /**
     * @param stored what the output holds, by path
     */
    public static IncrementalPlan of(InputListing listing, Map<String, StoredTrack> stored) {
        List<AudioInput> toProcess = new ArrayList<>();
        Set<String> replaced = new TreeSet<>();
        long fresh = 0;
        long changed = 0;
        long unchanged = 0;
        Set<String> listed = new HashSet<>();
        for (AudioInput input : listing.inputs()) {
            listed.add(input.path());
            StoredTrack before = stored.get(input.path());
            if (before == null) {
                fresh++;
                toProcess.add(input);
            } else if (sameIdentity(input, before)) {
                unchanged++;
            } else {
                changed++;
                toProcess.add(input);
                replaced.add(input.path());
            }
        }
        List<InputRejection> toRecord = new ArrayList<>();
        for (InputRejection rejection : listing.rejected()) {
            listed.add(rejection.path());
            StoredTrack before = stored.get(rejection.path());
            if (before == null) {
                fresh++;
                toRecord.add(rejection);
            } else if (before.rejected() && before.sizeBytes() == null) { // rejected by the listing last time too
                unchanged++;
            } else {
                changed++;
                toRecord.add(rejection);
                replaced.add(rejection.path());
            }
        }
        long removed = stored.keySet().stream().filter(path -> !listed.contains(path)).count();
        Set<String> featureFiles = new TreeSet<>();
        Set<String> rejectedFiles = new TreeSet<>();
        for (String path : replaced) {
            featureFiles.addAll(stored.get(path).featureFiles());
            rejectedFiles.addAll(stored.get(path).rejectedFiles());
        }
        return new IncrementalPlan(List.copyOf(toProcess), List.copyOf(toRecord), replaced, featureFiles, rejectedFiles,
                fresh, changed, unchanged, removed);
    }

    private static boolean sameIdentity(AudioInput input, StoredTrack stored) {
        return stored.sizeBytes() != null && stored.sizeBytes() == input.sizeBytes()
                && stored.modificationTime() != null && stored.modificationTime() == input.modificationTime()
                && Objects.equals(stored.label(), input.label())
                && Objects.equals(stored.split(), input.split().code());
    }
}
