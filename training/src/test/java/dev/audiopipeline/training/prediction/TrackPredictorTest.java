package dev.audiopipeline.training.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackPredictorTest {
    private static final Labels LABELS = Labels.of("a", "b", "c");

    private static SegmentPrediction segment(String track, int index, double... probabilities) {
        return new SegmentPrediction(track, "/music/" + track + ".mp3", "a", index, probabilities);
    }

    /*
     * Votes a, b, a, b: two each. Means a 1.4/4 = 0.35, b 1.9/4 = 0.475, c 0.7/4 = 0.175.
     * The vote's tie goes to b, the higher mean.
     */
    private static final List<SegmentPrediction> TIED_VOTE = List.of(
            segment("t1", 0, 0.6, 0.3, 0.1),
            segment("t1", 1, 0.2, 0.5, 0.3),
            segment("t1", 2, 0.5, 0.4, 0.1),
            segment("t1", 3, 0.1, 0.7, 0.2));

    @Test
    void meanProbabilityAveragesTheSegmentsAndRanksByTheMean() {
        TrackPrediction track = TrackPredictor.predict(TIED_VOTE, LABELS, TrackAggregation.MEAN_PROBABILITY);

        assertThat(track.scores()).containsExactly(new double[] {0.35, 0.475, 0.175}, within(1e-15));
        assertThat(track.ranking()).containsExactly(1, 0, 2);
        assertThat(track.predictedLabel()).isEqualTo("b");
        assertThat(track.confidence()).isCloseTo(0.475, within(1e-15));
        assertThat(track.segments()).isEqualTo(4);
        assertThat(track.trackId()).isEqualTo("t1");
        assertThat(track.path()).isEqualTo("/music/t1.mp3");
        assertThat(track.label()).isEqualTo("a");
    }

    @Test
    void aTiedVoteGoesToTheLabelWithTheHigherMeanProbability() {
        TrackPrediction track = TrackPredictor.predict(TIED_VOTE, LABELS, TrackAggregation.MAJORITY_VOTE);

        assertThat(track.scores()).containsExactly(0.5, 0.5, 0.0);
        assertThat(track.meanProbabilities()).containsExactly(new double[] {0.35, 0.475, 0.175}, within(1e-15));
        assertThat(track.ranking()).containsExactly(1, 0, 2);
        assertThat(track.predictedLabel()).isEqualTo("b");
        assertThat(track.confidence()).isEqualTo(0.5);
    }

    /* Votes a, a, b: a wins 2/3 although b's mean (1.6/3) is twice a's (0.8/3). */
    @Test
    void theVoteCountsSegmentsNotProbabilities() {
        List<SegmentPrediction> segments = List.of(
                segment("t2", 0, 0.4, 0.35, 0.25),
                segment("t2", 1, 0.4, 0.35, 0.25),
                segment("t2", 2, 0.0, 0.9, 0.1));

        TrackPrediction vote = TrackPredictor.predict(segments, LABELS, TrackAggregation.MAJORITY_VOTE);
        TrackPrediction mean = TrackPredictor.predict(segments, LABELS, TrackAggregation.MEAN_PROBABILITY);

        assertThat(vote.ranking()).containsExactly(0, 1, 2);
        assertThat(vote.scores()).containsExactly(new double[] {2.0 / 3, 1.0 / 3, 0.0}, within(1e-15));
        assertThat(mean.ranking()).containsExactly(1, 0, 2);
    }

    /*
     * Votes a, b (one each) and equal means (0.5, 0.5): label order decides, whichever label comes first.
     * A segment whose top probabilities are equal votes for the first label in label order.
     */
    @Test
    void equalVotesAndEqualMeansGoToTheLabelFirstInLabelOrder() {
        List<SegmentPrediction> segments = List.of(segment("t3", 0, 0.6, 0.4, 0.0), segment("t3", 1, 0.4, 0.6, 0.0));
        Labels reversed = Labels.of("y", "x", "z");

        assertThat(TrackPredictor.predict(segments, LABELS, TrackAggregation.MAJORITY_VOTE).predictedLabel())
                .isEqualTo("a");
        assertThat(TrackPredictor.predict(segments, reversed, TrackAggregation.MAJORITY_VOTE).predictedLabel())
                .isEqualTo("y");
        assertThat(TrackPredictor.predict(segments, LABELS, TrackAggregation.MEAN_PROBABILITY).ranking())
                .containsExactly(0, 1, 2);

        List<SegmentPrediction> tiedSegment = List.of(segment("t4", 0, 0.1, 0.45, 0.45));
        assertThat(TrackPredictor.predict(tiedSegment, LABELS, TrackAggregation.MAJORITY_VOTE).scores())
                .containsExactly(0.0, 1.0, 0.0);
    }

    @Test
    void topKListsTheBestLabelsWithTheirScores() {
        TrackPrediction track = TrackPredictor.predict(TIED_VOTE, LABELS, TrackAggregation.MEAN_PROBABILITY);

        assertThat(track.topK(2)).extracting(LabelScore::label).containsExactly("b", "a");
        assertThat(track.topK(2).get(1).score()).isCloseTo(0.35, within(1e-15));
        assertThat(track.topK(5)).extracting(LabelScore::label).containsExactly("b", "a", "c");
        assertThatThrownBy(() -> track.topK(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void predictAllGroupsSegmentsByTrackInTrackIdOrder() {
        List<SegmentPrediction> segments = List.of(
                segment("t9", 0, 0.1, 0.1, 0.8),
                segment("t1", 1, 0.2, 0.5, 0.3),
                segment("t9", 1, 0.2, 0.2, 0.6),
                segment("t1", 0, 0.6, 0.3, 0.1));

        List<TrackPrediction> tracks = TrackPredictor.predictAll(segments, LABELS, TrackAggregation.MEAN_PROBABILITY);

        assertThat(tracks).extracting(TrackPrediction::trackId).containsExactly("t1", "t9");
        assertThat(tracks).extracting(TrackPrediction::segments).containsExactly(2, 2);
        assertThat(tracks.get(1).scores()).containsExactly(new double[] {0.15, 0.15, 0.7}, within(1e-15));
    }

    @Test
    void refusesSegmentsThatAreNotOneTrack() {
        assertThatThrownBy(() -> TrackPredictor.predict(List.of(), LABELS, TrackAggregation.MEAN_PROBABILITY))
                .hasMessageContaining("at least one segment");
        assertThatThrownBy(() -> TrackPredictor.predict(
                List.of(segment("t1", 0, 1, 0, 0), segment("t2", 1, 1, 0, 0)), LABELS,
                TrackAggregation.MEAN_PROBABILITY))
                .hasMessageContaining("t1").hasMessageContaining("t2");
        assertThatThrownBy(() -> TrackPredictor.predict(
                List.of(segment("t1", 0, 1, 0, 0), segment("t1", 0, 0, 1, 0)), LABELS,
                TrackAggregation.MAJORITY_VOTE))
                .hasMessageContaining("segment 0 twice");
        assertThatThrownBy(() -> TrackPredictor.predict(
                List.of(segment("t1", 0, 1, 0, 0),
                        new SegmentPrediction("t1", "/music/t1.mp3", "b", 1, new double[] {1, 0, 0})),
                LABELS, TrackAggregation.MAJORITY_VOTE))
                .hasMessageContaining("different paths or labels");
        assertThatThrownBy(() -> TrackPredictor.predict(List.of(segment("t1", 0, 0.5, 0.5)), LABELS,
                TrackAggregation.MEAN_PROBABILITY))
                .hasMessageContaining("2 probabilities for 3 labels");
    }

    @Test
    void refusesProbabilitiesOutsideZeroToOne() {
        assertThatThrownBy(() -> segment("t1", 0, 0.5, Double.NaN, 0.5)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> segment("t1", 0, 1.5, 0, 0)).hasMessageContaining("not in [0, 1]");
    }

    /* Spark carries records through Java serialization (the product's Kryo registrator): a track survives it. */
    @Test
    void aTrackPredictionSurvivesJavaSerialization() throws IOException, ClassNotFoundException {
        TrackPrediction track = TrackPredictor.predict(TIED_VOTE, LABELS, TrackAggregation.MAJORITY_VOTE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(track);
            out.writeObject(TIED_VOTE.get(0));
        }

        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            TrackPrediction copy = (TrackPrediction) in.readObject();
            SegmentPrediction segment = (SegmentPrediction) in.readObject();
            assertThat(copy.topK(3)).isEqualTo(track.topK(3));
            assertThat(copy.meanProbabilities()).containsExactly(track.meanProbabilities());
            assertThat(copy.labels()).isEqualTo(LABELS);
            assertThat(segment.probabilities()).containsExactly(0.6, 0.3, 0.1);
        }
    }
}
