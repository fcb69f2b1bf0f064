package dev.audiopipeline.pipeline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.pipeline.rejection.RejectionReason;
import dev.audiopipeline.pipeline.source.AudioInput;
import dev.audiopipeline.pipeline.source.InputLayout;
import dev.audiopipeline.pipeline.source.InputListing;
import dev.audiopipeline.pipeline.source.InputRejection;
import dev.audiopipeline.pipeline.source.Split;
import dev.audiopipeline.pipeline.store.StoredTrack;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which files a run processes, skips and replaces, from the listing and what the output holds. */
class IncrementalPlanTest {

    private static AudioInput input(String name, long size, long mtime, String label, Split split) {
        return new AudioInput("file:/lib/" + name, "id-" + name, name, label, split, false, size, mtime);
    }

    private static StoredTrack ok(String name, long size, long mtime, String label, String split, String file) {
        return new StoredTrack("file:/lib/" + name, size, mtime, label, split, Set.of(file), Set.of());
    }

    @Test
    void anEmptyOutputProcessesEverything() {
        InputListing listing = new InputListing(InputLayout.LABEL_FOLDERS,
                List.of(input("a.wav", 10, 1, "rock", Split.TRAIN), input("b.wav", 20, 2, "jazz", Split.TEST)),
                List.of(new InputRejection("file:/lib/gone.wav", RejectionReason.UNREADABLE, "missing")));

        IncrementalPlan plan = IncrementalPlan.everything(listing);

        assertThat(plan.toProcess()).hasSize(2);
        assertThat(plan.listingRejections()).hasSize(1);
        assertThat(plan.newFiles()).isEqualTo(3);
        assertThat(plan.replacedPaths()).isEmpty();
    }

    @Test
    void sizeTimeLabelAndSplitDecideWhatChanged() {
        InputListing listing = new InputListing(InputLayout.MANIFEST, List.of(
                input("same.wav", 10, 1, "rock", Split.TRAIN),
                input("bigger.wav", 11, 1, "rock", Split.TRAIN),
                input("touched.wav", 10, 2, "rock", Split.TRAIN),
                input("relabelled.wav", 10, 1, "jazz", Split.TRAIN),
                input("resplit.wav", 10, 1, "rock", Split.TEST),
                input("fresh.wav", 10, 1, "rock", Split.TRAIN),
                input("was-bad.wav", 10, 1, "rock", Split.TRAIN),
                input("still-bad.wav", 10, 1, "rock", Split.TRAIN)), List.of());
        Map<String, StoredTrack> stored = Map.of(
                "file:/lib/same.wav", ok("same.wav", 10, 1, "rock", "train", "f1"),
                "file:/lib/bigger.wav", ok("bigger.wav", 10, 1, "rock", "train", "f1"),
                "file:/lib/touched.wav", ok("touched.wav", 10, 1, "rock", "train", "f2"),
                "file:/lib/relabelled.wav", ok("relabelled.wav", 10, 1, "rock", "train", "f2"),
                "file:/lib/resplit.wav", ok("resplit.wav", 10, 1, "rock", "train", "f3"),
                "file:/lib/was-bad.wav", new StoredTrack("file:/lib/was-bad.wav", 9L, 1L, "rock", "train", Set.of(),
                        Set.of("r1")),
                "file:/lib/still-bad.wav", new StoredTrack("file:/lib/still-bad.wav", 10L, 1L, "rock", "train",
                        Set.of(), Set.of("r1")),
                "file:/lib/deleted.wav", ok("deleted.wav", 10, 1, "rock", "train", "f4"));

        IncrementalPlan plan = IncrementalPlan.of(listing, stored);

        assertThat(plan.toProcess()).extracting(AudioInput::relativePath).containsExactly(
                "bigger.wav", "touched.wav", "relabelled.wav", "resplit.wav", "fresh.wav", "was-bad.wav");
        assertThat(plan.replacedPaths()).containsExactly("file:/lib/bigger.wav", "file:/lib/relabelled.wav",
                "file:/lib/resplit.wav", "file:/lib/touched.wav", "file:/lib/was-bad.wav");
        assertThat(plan.featureFilesToRewrite()).containsExactly("f1", "f2", "f3");
        assertThat(plan.rejectedFilesToRewrite()).containsExactly("r1");
        assertThat(List.of(plan.newFiles(), plan.changedFiles(), plan.unchangedFiles(), plan.removedFiles()))
                .containsExactly(1L, 5L, 2L, 1L);
    }

    @Test
    void aManifestEntryStillMissingIsUnchangedAndOneNowMissingReplacesItsFeatures() {
        InputListing listing = new InputListing(InputLayout.MANIFEST, List.of(), List.of(
                new InputRejection("file:/lib/gone.wav", RejectionReason.UNREADABLE, "missing"),
                new InputRejection("file:/lib/lost.wav", RejectionReason.UNREADABLE, "missing")));
        Map<String, StoredTrack> stored = Map.of(
                "file:/lib/gone.wav", new StoredTrack("file:/lib/gone.wav", null, null, null, null, Set.of(),
                        Set.of("r1")),
                "file:/lib/lost.wav", ok("lost.wav", 10, 1, "rock", "train", "f1"));

        IncrementalPlan plan = IncrementalPlan.of(listing, stored);

        assertThat(plan.listingRejections()).extracting(InputRejection::path).containsExactly("file:/lib/lost.wav");
        assertThat(plan.replacedPaths()).containsExactly("file:/lib/lost.wav");
        assertThat(plan.featureFilesToRewrite()).containsExactly("f1");
        assertThat(plan.rejectedFilesToRewrite()).isEmpty();
        assertThat(plan.unchangedFiles()).isEqualTo(1);
        assertThat(plan.changedFiles()).isEqualTo(1);
    }

    @Test
    void anUnchangedListingProcessesAndReplacesNothing() {
        InputListing listing = new InputListing(InputLayout.LABEL_FOLDERS,
                List.of(input("a.wav", 10, 1, "rock", Split.TRAIN)), List.of());
        IncrementalPlan plan = IncrementalPlan.of(listing,
                Map.of("file:/lib/a.wav", ok("a.wav", 10, 1, "rock", "train", "f1")));
        assertThat(plan.toProcess()).isEmpty();
        assertThat(plan.listingRejections()).isEmpty();
        assertThat(plan.replacedPaths()).isEmpty();
        assertThat(plan.featureFilesToRewrite()).isEmpty();
        assertThat(plan.unchangedFiles()).isEqualTo(1);
    }
}
