package dev.audiopipeline.training.baselines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiopipeline.features.InvalidParameterException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BaselineSettingsTest {

    @ParameterizedTest
    @EnumSource(BaselineKind.class)
    void everyKindHasDefaultsAndACommandLineName(BaselineKind kind) {
        BaselineSettings defaults = BaselineSettings.defaults(kind);

        assertThat(defaults.kind()).isEqualTo(kind);
        assertThat(defaults.asMap()).isNotEmpty();
        assertThat(BaselineKind.fromCliName(" " + kind.cliName().toUpperCase() + " ")).isEqualTo(kind);
    }

    @Test
    void namesTheKindsOnAnUnknownName() {
        assertThatThrownBy(() -> BaselineKind.fromCliName("knn"))
                .hasMessage("unknown baseline 'knn'; expected one of rf, logreg, svm, mlp, gbt");
        assertThat(Arrays.stream(BaselineKind.values()).filter(BaselineKind::standardised))
                .containsExactly(BaselineKind.LOGREG, BaselineKind.SVM, BaselineKind.MLP);
    }

    @Test
    void defaultsAreAPractitionersNotMllibs() {
        RandomForestSettings rf = RandomForestSettings.defaults();
        assertThat(rf.trees()).isEqualTo(500);
        assertThat(rf.maxDepth()).isGreaterThan(5);
        assertThat(LogisticRegressionSettings.defaults().regParam()).isPositive();
        assertThat(LinearSvmSettings.defaults().regParam()).isPositive();
        assertThat(GbtSettings.defaults().iterations()).isGreaterThan(20);
        assertThat(MlpSettings.defaults().hiddenLayers()).isNotEmpty();
    }

    @Test
    void aBadValueIsRefusedNamingItsParameter() {
        RandomForestSettings rf = RandomForestSettings.defaults();
        assertThatThrownBy(() -> new RandomForestSettings(0, 20, 1, "sqrt", 1.0, 32))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("rf.trees must be in [1, 10000], got 0");
        assertThatThrownBy(() -> new RandomForestSettings(500, 31, 1, "sqrt", 1.0, 32))
                .hasMessage("rf.max-depth must be in [1, 30], got 31");
        assertThatThrownBy(() -> new RandomForestSettings(500, 20, 1, "most", 1.0, 32))
                .hasMessage("rf.feature-subset must be all, onethird, sqrt, log2, a share in (0, 1] or a count"
                        + " >= 1, got most");
        assertThatThrownBy(() -> new GbtSettings(100, 5, 0.0, 0.8, "all", 1, 32, 1))
                .hasMessage("gbt.step-size must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> new LogisticRegressionSettings(Double.NaN, 0, 100, 1e-6))
                .hasMessage("logreg.reg-param must be finite, got NaN");
        assertThatThrownBy(() -> new LinearSvmSettings(1e-3, 100, 1e-6, 0.6, 1))
                .hasMessage("svm.calibration-share must be in (0, 0.5], got 0.6");
        assertThatThrownBy(() -> new MlpSettings(List.of(64, 0), 100, 1e-6, 128))
                .hasMessage("mlp.hidden-layers must be one or more layer sizes, each >= 1, got [64, 0]");
        assertThat(new RandomForestSettings(500, 20, 1, "0.25", 1.0, 32).featureSubset()).isEqualTo("0.25");
        assertThat(new RandomForestSettings(500, 20, 1, "40", 1.0, 32).featureSubset()).isEqualTo("40");
        assertThat(rf.asMap()).containsEntry("trees", 500).containsEntry("feature-subset", "sqrt");
    }

    @Test
    void thePerceptronsLayersRunFromTheFeaturesToTheLabels() {
        assertThat(new MlpSettings(List.of(64, 32), 100, 1e-6, 128).layers(888, 10))
                .containsExactly(888, 64, 32, 10);
    }

    @ParameterizedTest
    @EnumSource(BaselineKind.class)
    void theMapOfTheSettingsReadsBackToThem(BaselineKind kind) {
        BaselineSettings defaults = BaselineSettings.defaults(kind);

        assertThat(BaselineSettingsText.parse(kind, defaults.asMap())).isEqualTo(defaults);
        assertThat(BaselineSettingsText.parse(kind, java.util.Map.of())).isEqualTo(defaults);
    }

    @Test
    void settingsFromTextKeepTheDefaultsOfKeysLeftOut() {
        assertThat(BaselineSettingsText.parse(BaselineKind.MLP, java.util.Map.of("hidden-layers", "64, 32")))
                .isEqualTo(new MlpSettings(List.of(64, 32), MlpSettings.defaults().maxIter(),
                        MlpSettings.defaults().tol(), MlpSettings.defaults().blockSize()));
        assertThat(((RandomForestSettings) BaselineSettingsText.parse(BaselineKind.RF,
                java.util.Map.of("trees", "300", "feature-subset", "log2"))).trees()).isEqualTo(300);
        assertThatThrownBy(() -> BaselineSettingsText.parse(BaselineKind.RF, java.util.Map.of("tree", "300")))
                .hasMessageStartingWith("rf has no setting 'tree'; its settings are [feature-subset, max-bins,");
        assertThatThrownBy(() -> BaselineSettingsText.parse(BaselineKind.GBT, java.util.Map.of("iterations", "1e2")))
                .hasMessage("gbt.iterations must be a whole number, got '1e2'");
        assertThatThrownBy(() -> BaselineSettingsText.parse(BaselineKind.GBT, java.util.Map.of("iterations", "0")))
                .hasMessage("gbt.iterations must be in [1, 10000], got 0");
    }
}
