package dev.audiopipeline.pipeline.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.audiopipeline.features.Feature;
import dev.audiopipeline.features.FeatureSettings;
import dev.audiopipeline.features.InvalidParameterException;
import dev.audiopipeline.features.augment.AugmentationSettings;
import dev.audiopipeline.pipeline.segment.SegmentSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code _feature_settings.json} is written by the settings themselves and read back by one reader. */
class ExtractionSettingsDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void settingsReadBackFromTheirJsonDocumentAreTheSame() throws Exception {
        ExtractionSettings settings = new ExtractionSettings(
                FeatureSettings.builder().nMfcc(20).topDb(null).fmax(8000.0).build(),
                new SegmentSettings(5, 2.5, SegmentSettings.TailPolicy.PAD, 0.25, 120), 30,
                AugmentationSettings.builder().variants(2).withoutNoise().seed(7).build());

        ExtractionSettings read = ExtractionSettings.fromMap(throughJson(settings.asMap()));

        assertThat(read.features()).isEqualTo(settings.features());
        assertThat(read.segments()).isEqualTo(settings.segments());
        assertThat(read.augmentation()).isEqualTo(settings.augmentation());
        assertThat(read.asMap()).isEqualTo(settings.asMap());
    }

    @Test
    void theStoredMatricesAreInTheDocumentAndReadBack() throws Exception {
        ExtractionSettings all = new ExtractionSettings(FeatureSettings.defaults(), SegmentSettings.defaults(), 600);
        assertThat(all.asMap().get("matrices")).isEqualTo(List.of("mfcc", "logmel", "contrast"));
        ExtractionSettings merged = all.storing(ExtractionSettings.parseMatrices("contrast, mfcc"));
        assertThat(merged.storedMatrices()).containsExactly(Feature.MFCC, Feature.CONTRAST);
        assertThat(merged.asMap().get("matrices")).isEqualTo(List.of("mfcc", "contrast"));
        assertThat(merged.asMap().get("stats_names")).isEqualTo(all.asMap().get("stats_names"));
        assertThat(ExtractionSettings.fromMap(throughJson(merged.asMap()))).isEqualTo(merged);
        ExtractionSettings statsOnly = all.storing(ExtractionSettings.parseMatrices(null));
        assertThat(statsOnly.storedMatrices()).isEmpty();
        assertThat(ExtractionSettings.fromMap(throughJson(statsOnly.asMap()))).isEqualTo(statsOnly);

        assertThatThrownBy(() -> ExtractionSettings.parseMatrices("mfcc,chroma"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("stored_matrices must be a comma-separated subset of mfcc, logmel, contrast, got mfcc,chroma");
        assertThatThrownBy(() -> ExtractionSettings.parseMatrices("mfcc,mfcc"))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void aDocumentThisVersionWouldNotComputeTheSameWayIsRefusedNamingTheEntry() throws Exception {
        Map<String, Object> document = throughJson(new ExtractionSettings(FeatureSettings.defaults(),
                SegmentSettings.defaults(), 600).asMap());
        @SuppressWarnings("unchecked")
        Map<String, Object> features = (Map<String, Object>) document.get("features");

        features.put("window", "hamming");
        assertThatThrownBy(() -> ExtractionSettings.fromMap(document))
                .hasMessageContaining("window: given hamming, this version hann");

        features.put("window", "hann");
        features.remove("n_mels");
        assertThatThrownBy(() -> ExtractionSettings.fromMap(document))
                .hasMessageContaining("settings entry n_mels is missing");

        features.put("n_mels", 128);
        document.put("config_hash", "0123");
        assertThatThrownBy(() -> ExtractionSettings.fromMap(document))
                .hasMessageContaining("config_hash: given 0123");
    }

    private static Map<String, Object> throughJson(Map<String, Object> map) throws Exception {
        return JSON.readValue(JSON.writeValueAsString(map), new TypeReference<>() {});
    }
}
