package dev.audiopipeline.training.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiopipeline.training.prediction.Labels;
import dev.audiopipeline.training.prediction.SegmentPrediction;
import dev.audiopipeline.training.prediction.TrackAggregation;
import dev.audiopipeline.training.prediction.TrackPrediction;
import dev.audiopipeline.training.prediction.TrackPredictor;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionsCsvTest {
    private static final Labels LABELS = Labels.of("rock", "r&b, \"soul\"");

    @Test
    void oneRowPerTrackWithQuotedFieldsAndAProbabilityColumnPerLabel() throws IOException {
        List<TrackPrediction> tracks = TrackPredictor.predictAll(List.of(
                new SegmentPrediction("t1", "/m/Artist, The/\"Live\".mp3", "rock", 0, new double[] {0.25, 0.75}),
                new SegmentPrediction("t1", "/m/Artist, The/\"Live\".mp3", "rock", 1, new double[] {0.75, 0.25}),
                new SegmentPrediction("t2", "/m/line\nbreak.wav", "r&b, \"soul\"", 0, new double[] {0.1, 0.9})),
                LABELS, TrackAggregation.MEAN_PROBABILITY);
        StringWriter out = new StringWriter();

        PredictionsCsv.write(LABELS, tracks, out);

        assertThat(out.toString()).isEqualTo(
                "path,track_id,label,predicted_label,prob_rock,prob_r_b___soul_\r\n"
                        + "\"/m/Artist, The/\"\"Live\"\".mp3\",t1,rock,rock,0.5,0.5\r\n"
                        + "\"/m/line\nbreak.wav\",t2,\"r&b, \"\"soul\"\"\",\"r&b, \"\"soul\"\"\",0.1,0.9\r\n");
    }

    @Test
    void anUnlabelledTrackHasAnEmptyLabelField() throws IOException {
        List<TrackPrediction> tracks = TrackPredictor.predictAll(
                List.of(new SegmentPrediction("t1", "/a.wav", null, 0, new double[] {0.5, 0.5})),
                LABELS, TrackAggregation.MEAN_PROBABILITY);
        StringWriter out = new StringWriter();

        PredictionsCsv.write(LABELS, tracks, out);

        assertThat(out.toString()).endsWith("\r\n/a.wav,t1,,rock,0.5,0.5\r\n");
    }

    @Test
    void tracksPredictedOverOtherLabelsAreRefused() {
        List<TrackPrediction> tracks = TrackPredictor.predictAll(
                List.of(new SegmentPrediction("t1", "/a.wav", null, 0, new double[] {0.5, 0.5})),
                Labels.of("x", "y"), TrackAggregation.MEAN_PROBABILITY);

        assertThatThrownBy(() -> PredictionsCsv.write(LABELS, tracks, new StringWriter()))
                .hasMessageContaining("[x, y]");
    }
}
