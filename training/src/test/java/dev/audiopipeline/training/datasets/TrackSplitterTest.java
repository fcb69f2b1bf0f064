package dev.audiopipeline.training.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackSplitterTest {

    @Test
    void keepsTheGivenTestSplitAndCarvesValidationFromEachLabelsTrainingTracks() {
        List<TrackSplitter.Track> tracks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tracks.add(new TrackSplitter.Track("rock" + i, "rock", i < 2 ? "test" : "train"));
            tracks.add(new TrackSplitter.Track("jazz" + i, "jazz", i < 3 ? "test" : "train"));
        }
        Map<String, DataSplit> split = new TrackSplitter(0.25, 0.2, 1).assign(tracks);

        assertThat(split).hasSize(20);
        assertThat(split).containsEntry("rock0", DataSplit.TEST).containsEntry("rock1", DataSplit.TEST)
                .containsEntry("jazz2", DataSplit.TEST);
        // rock: 8 training tracks, round(0.25 * 8) = 2 to validation; jazz: 7, round(1.75) = 2.
        assertThat(count(split, "rock", DataSplit.VALIDATION)).isEqualTo(2);
        assertThat(count(split, "jazz", DataSplit.VALIDATION)).isEqualTo(2);
        assertThat(count(split, "rock", DataSplit.TRAIN)).isEqualTo(6);
        assertThat(new TrackSplitter(0.25, 0.2, 1).assign(tracks)).as("deterministic").isEqualTo(split);
        assertThat(new TrackSplitter(0.25, 0.2, 2).assign(tracks)).as("another seed, another carving")
                .isNotEqualTo(split);
    }

    @Test
    void withoutAGivenTestSplitEachLabelGivesItsShareToTest() {
        List<TrackSplitter.Track> tracks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tracks.add(new TrackSplitter.Track("a" + i, "a", "train"));
        }
        for (int i = 0; i < 5; i++) {
            tracks.add(new TrackSplitter.Track("b" + i, "b", "train"));
        }
        Map<String, DataSplit> split = new TrackSplitter(0.0, 0.2, 1).assign(tracks);

        assertThat(count(split, "a", DataSplit.TEST)).isEqualTo(2);
        assertThat(count(split, "b", DataSplit.TEST)).isEqualTo(1);
        assertThat(count(split, "b", DataSplit.VALIDATION)).isZero();
    }

    @Test
    void aLabelWithOneTrackKeepsItForTraining() {
        assertThat(TrackSplitter.carved(1, 0.5)).isZero();
        assertThat(TrackSplitter.carved(2, 0.1)).isEqualTo(1);
        assertThat(TrackSplitter.carved(3, 0.9)).isEqualTo(2);
        assertThat(TrackSplitter.carved(100, 0.15)).isEqualTo(15);
    }

    private static long count(Map<String, DataSplit> split, String label, DataSplit part) {
        return split.entrySet().stream().filter(e -> e.getKey().startsWith(label) && e.getValue() == part).count();
    }
}
