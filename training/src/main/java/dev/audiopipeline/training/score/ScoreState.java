package dev.audiopipeline.training.score;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.audiopipeline.pipeline.tags.LabelMapping;
import dev.audiopipeline.training.bundle.ModelBundle;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a score output's rows depend on, written as {@code _score_state.json}: the model (its bundle.json's digest,
 * kind and labels), the aggregation, top-k, the uncertainty threshold and the tag mapping's entries. An incremental
 * run with any of them different is refused ({@link PreviousScores}): its rows would not be comparable.
 */
final class ScoreState {

    static final String FILE = "_score_state.json";
    static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private ScoreState() {}

    static Map<String, Object> of(ModelBundle bundle, String bundleDigest, ScoreSettings settings,
                                  LabelMapping mapping) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("bundle_json_sha256", bundleDigest);
        model.put("kind", bundle.kind().cliName());
        model.put("labels", bundle.labels().names());
        model.put("feature_settings_hash", bundle.manifest().configHash());
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("model", model);
        state.put("aggregation", settings.aggregation().name().toLowerCase(java.util.Locale.ROOT));
        state.put("top_k", settings.topK());
        state.put("uncertain_below", settings.uncertainBelow());
        state.put("tag_mapping", mapping.entries());
        return state;
    }
}
