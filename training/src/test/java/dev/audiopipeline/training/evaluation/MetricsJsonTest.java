package dev.audiopipeline.training.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.audiopipeline.training.prediction.Labels;
import dev.audiopipeline.training.prediction.Ranking;
import dev.audiopipeline.training.prediction.SegmentPrediction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsJsonTest {
    private static final ModelIdentity MODEL = new ModelIdentity("lstm-1", "lstm", "3f9a");
    private static final Labels LABELS = SyntheticPredictions.LABELS;

    private static JsonNode written(ModelEvaluation evaluation) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MetricsJson.write(evaluation, out);
        return new ObjectMapper().readTree(out.toByteArray());
    }

    @Test
    void holdsTheModelTheCountsAndEveryLevel() throws IOException {
        List<SegmentPrediction> segments = SyntheticPredictions.segments(24, 1.5, 7);
        ModelEvaluation evaluation = Evaluator.evaluate(MODEL, LABELS, segments, List.of());

        JsonNode json = written(evaluation);

        assertThat(json.get("model_name").asText()).isEqualTo("lstm-1");
        assertThat(json.get("model_kind").asText()).isEqualTo("lstm");
        assertThat(json.get("feature_settings_hash").asText()).isEqualTo("3f9a");
        assertThat(json.get("rows_evaluated").asLong()).isEqualTo(segments.size());
        assertThat(json.get("tracks_evaluated").asLong()).isEqualTo(24);
        assertThat(json.get("labels")).extracting(JsonNode::asText).containsExactlyElementsOf(LABELS.names());
        assertLevel(json.get("segment"), evaluation.segment(), "segment");
        assertLevel(json.get("track"), evaluation.track(), "mean_probability");
        assertLevel(json.get("track_vote"), evaluation.trackVote(), "majority_vote");
    }

    @Test
    void anUndefinedAucIsNull() throws IOException {
        // No track of the last label: its AUCs are undefined.
        List<SegmentPrediction> segments = new ArrayList<>();
        for (SegmentPrediction segment : SyntheticPredictions.segments(12, 1.5, 3)) {
            if (!segment.label().equals("hip-hop")) {
                segments.add(segment);
            }
        }

        JsonNode track = written(Evaluator.evaluate(MODEL, LABELS, segments, List.of())).get("track");

        assertThat(track.at("/roc_auc/per_class/hip-hop").isNull()).isTrue();
        assertThat(track.at("/pr_auc/per_class/hip-hop").isNull()).isTrue();
        assertThat(track.at("/roc_auc/macro").isNumber()).isTrue();
        assertThat(track.at("/per_class/hip-hop/support").asLong()).isZero();
    }

    /* The cross-check: track metrics recomputed from predictions.csv equal metrics.json's. */
    @Test
    void trackMetricsRecomputedFromPredictionsCsvEqualMetricsJson() throws IOException {
        ModelEvaluation evaluation = Evaluator.evaluate(MODEL, LABELS,
                SyntheticPredictions.segments(40, 1.0, 11), List.of());
        StringWriter csv = new StringWriter();
        PredictionsCsv.write(LABELS, evaluation.tracks(), csv);

        List<ScoredExample> fromCsv = new ArrayList<>();
        List<List<String>> rows = CsvReader.parse(csv.toString());
        assertThat(rows.get(0).subList(0, 4)).containsExactly("path", "track_id", "label", "predicted_label");
        for (List<String> row : rows.subList(1, rows.size())) {
            double[] probabilities = row.subList(4, row.size()).stream().mapToDouble(Double::parseDouble).toArray();
            int[] ranking = Ranking.byScore(probabilities);
            assertThat(LABELS.name(ranking[0])).isEqualTo(row.get(3));
            fromCsv.add(new ScoredExample(LABELS.require(row.get(2)), ranking, probabilities));
        }
        LevelMetrics recomputed = LevelMetrics.of(LABELS, fromCsv);

        assertThat(rows).hasSize(41);
        assertLevel(written(evaluation).get("track"), recomputed, "mean_probability");
    }

    private static void assertLevel(JsonNode level, LevelMetrics metrics, String aggregation) {
        assertThat(level.get("aggregation").asText()).isEqualTo(aggregation);
        assertThat(level.get("examples").asInt()).isEqualTo(metrics.examples());
        assertThat(level.get("accuracy").asDouble()).isEqualTo(metrics.accuracy());
        assertThat(level.get("macro_f1").asDouble()).isEqualTo(metrics.macroF1());
        assertThat(level.get("top2_accuracy").asDouble()).isEqualTo(metrics.top2Accuracy());
        assertThat(level.get("ece").asDouble()).isEqualTo(metrics.ece());
        assertThat(level.get("ece_bins").asInt()).isEqualTo(10);
        assertThat(level.at("/roc_auc/macro").asDouble()).isEqualTo(metrics.rocAucMacro());
        assertThat(level.at("/pr_auc/macro").asDouble()).isEqualTo(metrics.prAucMacro());
        assertThat(level.at("/confusion_matrix/labels")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(LABELS.names());
        assertThat(level.get("per_class").size()).isEqualTo(LABELS.size());
        for (int label = 0; label < LABELS.size(); label++) {
            String name = LABELS.name(label);
            JsonNode perClass = level.get("per_class").get(name);
            ClassMetrics expected = metrics.perClass().get(label);
            assertThat(perClass.get("precision").asDouble()).isEqualTo(expected.precision());
            assertThat(perClass.get("recall").asDouble()).isEqualTo(expected.recall());
            assertThat(perClass.get("f1").asDouble()).isEqualTo(expected.f1());
            assertThat(perClass.get("support").asLong()).isEqualTo(expected.support());
            assertThat(level.get("roc_auc").get("per_class").get(name).asDouble())
                    .isEqualTo(metrics.rocAuc().get(label));
            assertThat(level.get("pr_auc").get("per_class").get(name).asDouble())
                    .isEqualTo(metrics.prAuc().get(label));
            for (int predicted = 0; predicted < LABELS.size(); predicted++) {
                assertThat(level.at("/confusion_matrix/matrix").get(label).get(predicted).asLong())
                        .isEqualTo(metrics.confusion().count(label, predicted));
            }
        }
    }
}
