package dev.audiopipeline.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.features.FeatureSettings;
import dev.audiopipeline.features.ParameterRule;
import dev.audiopipeline.features.augment.AugmentationSettings;
import dev.audiopipeline.pipeline.segment.SegmentSettings;
import dev.audiopipeline.pipeline.source.TrackSplit;
import dev.audiopipeline.pipeline.track.ExtractionSettings;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each parameter's rule is declared once, by its settings class; the registry takes it from there. */
class SettingsRulesTest {

    @Test
    void everyParameterRuleIsSetByExactlyOneSettingThatChecksAndDescribesItWithThatRule() throws Exception {
        List<ParameterRule<?>> rules = new ArrayList<>();
        for (Class<?> owner : List.of(FeatureSettings.class, AugmentationSettings.class, SegmentSettings.class,
                ExtractionSettings.class, TrackSplit.class)) {
            for (Field field : owner.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == ParameterRule.class) {
                    rules.add((ParameterRule<?>) field.get(null));
                }
            }
        }
        assertThat(rules).hasSizeGreaterThan(30);
        for (ParameterRule<?> rule : rules) {
            Setting<?> setting = Settings.byRule(rule).orElseThrow(() -> new AssertionError("no setting for " + rule));
            assertThat(setting.validityDescription()).as(setting.key()).isEqualTo(rule.expectation());
        }
    }

    @Test
    void aValueTheRuleRefusesIsRefusedByTheSettingWithTheRulesWords() {
        assertThat(Settings.N_FFT.rule()).isSameAs(FeatureSettings.N_FFT);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Settings.N_FFT.parse("8", "--conf"))
                .hasMessage("--conf: setting 'features.n-fft': '8' is invalid, must be in [16, 65536]");
    }
}
