package dev.audiopipeline.pipeline.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.audiopipeline.pipeline.rejection.RejectionReason;
import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class AudioInputListerTest {

    private final Path root = TestScratch.newDirectory("inputs");
    private final AudioInputLister lister = new AudioInputLister(new Configuration(), new TrackSplit(0.2));

    @Test
    void labelFoldersLikeGtzan() throws IOException {
        touch("genres/blues/blues.00000.au", "genres/blues/blues.00001.au", "genres/jazz/jazz.00000.au",
                "genres/jazz/live/set 1.au", "genres/readme.txt");

        InputListing listing = lister.list(root.resolve("genres").toUri().toString());

        assertThat(listing.layout()).isEqualTo(InputLayout.LABEL_FOLDERS);
        assertThat(listing.inputs()).extracting(AudioInput::relativePath, AudioInput::label).containsExactly(
                tuple("blues/blues.00000.au", "blues"), tuple("blues/blues.00001.au", "blues"),
                tuple("jazz/jazz.00000.au", "jazz"), tuple("jazz/live/set 1.au", "jazz"),
                tuple("readme.txt", null));
        assertThat(listing.inputs()).allSatisfy(input -> {
            assertThat(input.path()).startsWith("file:/").contains("/genres/");
            assertThat(input.splitGiven()).isFalse();
            assertThat(input.trackId()).hasSize(16).isEqualTo(TrackSplit.trackId(input.relativePath()));
        });
        assertThat(listing.rejected()).isEmpty();
    }

    @Test
    void trainAndTestFoldersGiveTheSplit() throws IOException {
        touch("data/train/rock/a.wav", "data/train/pop/b.wav", "data/test/rock/c.wav", "data/test/d.wav");

        InputListing listing = lister.list(root.resolve("data").toUri().toString());

        assertThat(listing.layout()).isEqualTo(InputLayout.SPLIT_FOLDERS);
        assertThat(listing.inputs())
                .extracting(AudioInput::relativePath, AudioInput::label, AudioInput::split, AudioInput::splitGiven)
                .containsExactly(
                        tuple("test/d.wav", null, Split.TEST, true),
                        tuple("test/rock/c.wav", "rock", Split.TEST, true),
                        tuple("train/pop/b.wav", "pop", Split.TRAIN, true),
                        tuple("train/rock/a.wav", "rock", Split.TRAIN, true));
    }

    @Test
    void hiddenEntriesAreSkippedAndNamesMayHoldSpacesAndAnyScript() throws IOException {
        touch("lib/Ünïcode genre/naïve – song #1.wav", "lib/.cache/x.wav", "lib/_tmp/y.wav", "lib/rock/.DS_Store",
                "lib/日本/曲.flac");

        InputListing listing = lister.list(root.resolve("lib").toUri().toString());

        assertThat(listing.inputs()).extracting(AudioInput::relativePath)
                .containsExactlyInAnyOrder("Ünïcode genre/naïve – song #1.wav", "日本/曲.flac");
        for (AudioInput input : listing.inputs()) {
            Path local = Path.of(java.net.URI.create(new org.apache.hadoop.fs.Path(input.path()).toUri().toString()));
            assertThat(local).exists();
        }
    }

    @Test
    void filesOnlyOrASingleFileAreUnlabeled() throws IOException {
        touch("flat/a.mp3", "flat/b.mp3");
        InputListing flat = lister.list(root.resolve("flat").toUri().toString());
        assertThat(flat.layout()).isEqualTo(InputLayout.UNLABELED);
        assertThat(flat.inputs()).extracting(AudioInput::label).containsOnlyNulls();

        InputListing single = lister.list(root.resolve("flat/a.mp3").toUri().toString());
        assertThat(single.inputs()).singleElement().satisfies(input -> {
            assertThat(input.relativePath()).isEqualTo("a.mp3");
            assertThat(input.sizeBytes()).isEqualTo(Files.size(root.resolve("flat/a.mp3")));
        });
    }

    @Test
    void missingRootFailsNamingIt() {
        String missing = root.resolve("nope").toUri().toString();
        assertThatThrownBy(() -> lister.list(missing))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessage("input root not found: " + missing);
    }

    @Test
    void manifestResolvesPathsAndRejectsMissingFiles() throws IOException {
        touch("m/audio/one.wav", "m/audio/two, with comma.wav", "elsewhere/three.wav");
        Path three = root.resolve("elsewhere/three.wav");
        Path manifest = Files.writeString(root.resolve("m/manifest.csv"), "\uFEFFpath,label,split\n"
                + "audio/one.wav,rock,train\n"
                + "\"audio/two, with comma.wav\",jazz,\n"
                + three.toUri() + ",,test\n"
                + "audio/missing.wav,rock,train\n", StandardCharsets.UTF_8);

        InputListing listing = lister.listManifest(manifest.toUri().toString());

        assertThat(listing.layout()).isEqualTo(InputLayout.MANIFEST);
        assertThat(listing.inputs())
                .extracting(AudioInput::relativePath, AudioInput::label, AudioInput::splitGiven)
                .containsExactlyInAnyOrder(
                        tuple("audio/one.wav", "rock", true),
                        tuple("audio/two, with comma.wav", "jazz", false),
                        tuple(three.toUri().toString(), null, true));
        assertThat(listing.rejected()).singleElement().satisfies(rejection -> {
            assertThat(rejection.path()).endsWith("/m/audio/missing.wav");
            assertThat(rejection.reason()).isEqualTo(RejectionReason.UNREADABLE);
            assertThat(rejection.detail()).contains("manifest.csv line 5 but not found");
        });
    }

    @Test
    void manifestMistakesNameTheLine() throws IOException {
        Path badSplit = Files.writeString(root.resolve("bad-split.csv"), "path,label,split\na.wav,rock,validation\n");
        assertThatThrownBy(() -> lister.listManifest(badSplit.toUri().toString()))
                .hasMessageEndingWith("bad-split.csv:2: split must be 'train' or 'test', got 'validation'");
        Path twice = Files.writeString(root.resolve("twice.csv"), "path,label\na.wav,rock\nb.wav,pop\na.wav,jazz\n");
        assertThatThrownBy(() -> lister.listManifest(twice.toUri().toString()))
                .hasMessageEndingWith("twice.csv:4: 'a.wav' is listed twice (first on line 2)");
        Path noLabel = Files.writeString(root.resolve("nolabel.csv"), "file,genre\na.wav,rock\n");
        assertThatThrownBy(() -> lister.listManifest(noLabel.toUri().toString()))
                .hasMessageContaining("nolabel.csv:1: the header has no 'path' column");
    }

    @Test
    void assignedSplitsAreStableAndNearTheFraction() {
        TrackSplit split = new TrackSplit(0.2);
        int test = 0;
        for (int i = 0; i < 5000; i++) {
            String track = "genre/track-" + i + ".wav";
            Split first = split.assign(track);
            assertThat(new TrackSplit(0.2).assign(track)).isEqualTo(first);
            test += first == Split.TEST ? 1 : 0;
        }
        assertThat(test).isBetween(900, 1100); // 20 % of 5000, binomial sd ~28
        assertThat(new TrackSplit(0.0).assign("x")).isEqualTo(Split.TRAIN);
        assertThat(new TrackSplit(1.0).assign("x")).isEqualTo(Split.TEST);
        // Pinned (computed independently with Python's hashlib): the assignment must not change between
        // releases, it decides what models were tested on. SHA-256 prefixes 4cca4419... -> 0.300, 2babb6bf... -> 0.171.
        assertThat(List.of(split.assign("blues/blues.00000.au"), split.assign("jazz/jazz.00006.au")))
                .containsExactly(Split.TRAIN, Split.TEST);
        assertThat(TrackSplit.trackId("blues/blues.00000.au")).isEqualTo("4cca44198504f5b9");
    }

    private void touch(String... relativePaths) throws IOException {
        for (String relative : relativePaths) {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "content of " + relative);
        }
    }
}
