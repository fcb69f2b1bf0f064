package dev.audiopipeline.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiopipeline.features.resample.ResampleType;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class FeatureSettingsTest {

    @Test
    void defaultsAreLibrosas() {
        FeatureSettings s = FeatureSettings.defaults();
        assertThat(s.sampleRate()).isEqualTo(22050);
        assertThat(s.nFft()).isEqualTo(2048);
        assertThat(s.hopLength()).isEqualTo(512);
        assertThat(s.winLength()).isEqualTo(2048);
        assertThat(s.center()).isTrue();
        assertThat(s.power()).isEqualTo(2.0);
        assertThat(s.nMels()).isEqualTo(128);
        assertThat(s.fmin()).isEqualTo(0.0);
        assertThat(s.fmax()).isEqualTo(11025.0);
        assertThat(s.ref()).isEqualTo(1.0);
        assertThat(s.amin()).isEqualTo(1e-10);
        assertThat(s.topDb()).isEqualTo(80.0);
        assertThat(s.nMfcc()).isEqualTo(13); // the product's --n-mfcc default, not librosa's 20
        assertThat(s.lifter()).isEqualTo(0.0);
        assertThat(s.deltaWidth()).isEqualTo(9);
        assertThat(s.contrastFmin()).isEqualTo(200.0);
        assertThat(s.contrastNBands()).isEqualTo(6);
        assertThat(s.contrastQuantile()).isEqualTo(0.02);
        assertThat(s.contrastLinear()).isFalse();
        assertThat(s.nChroma()).isEqualTo(12);
        assertThat(s.tuning()).isEqualTo(0.0);
        assertThat(s.resType()).isEqualTo(ResampleType.SOXR_HQ); // librosa's default res_type
    }

    @Test
    void asMapListsEveryParameterInStableOrderUnderLibrosaNames() {
        assertThat(FeatureSettings.defaults().asMap().keySet()).containsExactly(
                "sample_rate", "n_fft", "hop_length", "win_length", "window", "center", "pad_mode", "power",
                "n_mels", "fmin", "fmax", "htk", "mel_norm", "ref", "amin", "top_db", "n_mfcc", "dct_type",
                "dct_norm", "lifter", "delta_width", "delta_mode", "contrast_fmin", "contrast_n_bands",
                "contrast_quantile", "contrast_linear", "roll_percent", "n_chroma", "tuning", "res_type");
        assertThat(FeatureSettings.defaults().asMap()).containsEntry("sample_rate", 22050)
                .containsEntry("fmax", 11025.0).containsEntry("top_db", 80.0).containsEntry("window", "hann")
                .containsEntry("res_type", "soxr_hq");
    }

    @Test
    void hashOfDefaultsIsPinned() {
        // Pinned on purpose: if this changes, every stored feature set and model bundle is invalidated (it did
        // when res_type joined the settings, with the resampler that changed the features of resampled audio).
        // Cross-checked with Python: hashlib.sha256 of the same "name=value\n" lines.
        assertThat(FeatureSettings.defaults().hash())
                .isEqualTo("bc8d2c1718060ba018a2e317420338b523a5dfbfb30eb65a73cf2fc9ce15196f")
                .hasSize(64);
    }

    @Test
    void hashFollowsEveryParameterAndIsIndependentOfBuildOrder() {
        FeatureSettings defaults = FeatureSettings.defaults();
        assertThat(FeatureSettings.builder().nMfcc(20).build().hash()).isNotEqualTo(defaults.hash());
        assertThat(FeatureSettings.builder().topDb(null).build().hash()).isNotEqualTo(defaults.hash());
        assertThat(FeatureSettings.builder().contrastQuantile(0.03).build().hash()).isNotEqualTo(defaults.hash());
        assertThat(FeatureSettings.builder().resType(ResampleType.SOXR_VHQ).build().hash())
                .isNotEqualTo(defaults.hash());
        FeatureSettings explicit = FeatureSettings.builder().fmax(11025.0).winLength(2048).nMfcc(13).build();
        assertThat(explicit.hash()).isEqualTo(defaults.hash());
        assertThat(explicit).isEqualTo(defaults);
        assertThat(defaults.toBuilder().build()).isEqualTo(defaults);
        assertThat(defaults.canonicalText()).startsWith("sample_rate=22050\nn_fft=2048\nhop_length=512\n")
                .contains("top_db=80.0\n", "amin=1.0E-10\n");
    }

    @Test
    void tuningNoneMeansEstimatedPerInputAndRoundTripsThroughTheMap() {
        FeatureSettings estimated = FeatureSettings.builder().tuning(null).build();
        assertThat(estimated.tuning()).isNull();
        assertThat(estimated.hash()).isNotEqualTo(FeatureSettings.defaults().hash());
        assertThat(estimated.asMap()).containsEntry("tuning", null);
        assertThat(FeatureSettings.fromMap(estimated.asMap())).isEqualTo(estimated);
    }

    @Test
    void fmaxDefaultsToNyquistOfTheConfiguredRate() {
        assertThat(FeatureSettings.builder().sampleRate(16000).build().fmax()).isEqualTo(8000.0);
    }

    @Test
    void invalidParametersAreRejectedWithNameAndValue() {
        assertInvalid(b -> b.nFft(0), "n_fft must be in [16, 65536], got 0");
        assertInvalid(b -> b.hopLength(-5), "hop_length must be > 0, got -5");
        assertInvalid(b -> b.sampleRate(0), "sample_rate must be in [1000, 384000], got 0");
        assertInvalid(b -> b.winLength(4096), "win_length must be in [1, n_fft=2048], got 4096");
        assertInvalid(b -> b.fmax(12000.0), "fmax must be <= sample_rate/2=11025.0, got 12000.0");
        assertInvalid(b -> b.fmin(5000.0).fmax(4000.0), "fmax must be > fmin=5000.0, got 4000.0");
        assertInvalid(b -> b.nMels(0), "n_mels must be in [1, 1024], got 0");
        assertInvalid(b -> b.nMfcc(200), "n_mfcc must be in [1, n_mels=128], got 200");
        assertInvalid(b -> b.amin(0), "amin must be > 0, got 0.0");
        assertInvalid(b -> b.topDb(-1.0), "top_db must be >= 0, got -1.0");
        assertInvalid(b -> b.power(Double.NaN), "power must be finite, got NaN");
        assertInvalid(b -> b.lifter(-1), "lifter must be >= 0, got -1.0");
        assertInvalid(b -> b.deltaWidth(4), "delta_width must be odd and >= 3, got 4");
        assertInvalid(b -> b.contrastQuantile(1.0), "contrast_quantile must be in (0, 1), got 1.0");
        assertInvalid(b -> b.contrastFmin(0), "contrast_fmin must be > 0, got 0.0");
        assertInvalid(b -> b.contrastNBands(0), "contrast_n_bands must be > 0, got 0");
        assertInvalid(b -> b.tuning(0.5), "tuning must be in [-0.5, 0.5), got 0.5");
    }

    @Test
    void anInvalidValueNamesItsRuleSoThatCallersCanNameTheirOwnKey() {
        assertThatThrownBy(() -> FeatureSettings.builder().nFft(8).build())
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.rule()).isSameAs(FeatureSettings.N_FFT));
        // A condition tying two parameters is the rule of the one that was set against the other.
        assertThatThrownBy(() -> FeatureSettings.builder().nMels(20).nMfcc(40).build())
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.rule()).isSameAs(FeatureSettings.N_MFCC));
    }

    @Test
    void aBuilderFromSettingsIsACopyAndUnsetDefaultsFollowTheirParameters() {
        FeatureSettings defaults = FeatureSettings.defaults();
        FeatureSettings.Builder builder = defaults.toBuilder();
        builder.nFft(1024).sampleRate(16000);
        assertThat(defaults.nFft()).as("the settings are not changed through a builder").isEqualTo(2048);
        FeatureSettings changed = builder.build();
        assertThat(changed.winLength()).as("win_length unset follows n_fft").isEqualTo(1024);
        assertThat(changed.fmax()).as("fmax unset follows the rate").isEqualTo(8000.0);
    }

    private static void assertInvalid(UnaryOperator<FeatureSettings.Builder> change, String message) {
        assertThatThrownBy(() -> change.apply(FeatureSettings.builder()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void frameCountFollowsLibrosa() {
        FeatureSettings s = FeatureSettings.defaults();
        assertThat(s.frameCount(44100)).isEqualTo(87);
        assertThat(s.frameCount(110250)).isEqualTo(216);
        assertThat(s.frameCount(1)).isEqualTo(1);
        assertThat(s.frameCount(661500)).isEqualTo(1292);
        assertThat(FeatureSettings.builder().center(false).build().frameCount(2047)).isZero();
        assertThat(FeatureSettings.builder().center(false).build().frameCount(2048 + 512)).isEqualTo(2);
    }
}
