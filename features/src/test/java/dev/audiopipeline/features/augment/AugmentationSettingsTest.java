package dev.audiopipeline.features.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AugmentationSettingsTest {

    @Test
    void defaultsAreOffWithTheDocumentedRanges() {
        AugmentationSettings s = AugmentationSettings.defaults();
        assertThat(s.variants()).isZero();
        assertThat(s.enabled()).isFalse();
        assertThat(s.maxShiftSeconds()).isEqualTo(0.5);
        assertThat(s.gainDb()).isEqualTo(6.0);
        assertThat(s.noiseSnrDbMin()).isEqualTo(20.0);
        assertThat(s.noiseSnrDbMax()).isEqualTo(40.0);
        assertThat(s.noiseEnabled()).isTrue();
        assertThat(s.pitchSemitones()).isEqualTo(2.0);
        assertThat(s.stretchDeviation()).isEqualTo(0.1);
        assertThat(s.seed()).isEqualTo(42L);
        assertThat(s.toBuilder().variants(2).build().enabled()).isTrue();
    }

    @Test
    void asMapHasStableSnakeCaseKeysIncludingTheFixedConventions() {
        assertThat(AugmentationSettings.defaults().asMap().keySet()).containsExactly(
                "variants", "max_shift_seconds", "gain_db", "noise_snr_db_min", "noise_snr_db_max",
                "pitch_semitones", "stretch_deviation", "seed", "order", "shift_mode", "stretch_n_fft",
                "stretch_hop_length", "resampler", "random");
        assertThat(AugmentationSettings.defaults().asMap()).containsEntry("gain_db", 6.0)
                .containsEntry("seed", 42L).containsEntry("order", "stretch,pitch,shift,gain,noise")
                .containsEntry("shift_mode", "roll").containsEntry("stretch_n_fft", 2048);
    }

    @Test
    void hashOfDefaultsIsPinned() {
        // Pinned on purpose: a change means stored augmented features no longer match their settings.
        // Python: hashlib.sha256(canonical_text.encode()).hexdigest() gives the same.
        assertThat(AugmentationSettings.defaults().canonicalText()).isEqualTo("""
                variants=0
                max_shift_seconds=0.5
                gain_db=6.0
                noise_snr_db_min=20.0
                noise_snr_db_max=40.0
                pitch_semitones=2.0
                stretch_deviation=0.1
                seed=42
                order=stretch,pitch,shift,gain,noise
                shift_mode=roll
                stretch_n_fft=2048
                stretch_hop_length=512
                resampler=soxr_hq(480000/round(480000/rate))
                random=splitmix64
                """);
        assertThat(AugmentationSettings.defaults().hash())
                .isEqualTo("b3072a458c3618ea6ca65aa25e26e190cd291ef5259b97fecff46ee2342b8d2d");
    }

    @Test
    void hashFollowsEverySettingAndEqualityFollowsTheMap() {
        AugmentationSettings d = AugmentationSettings.defaults();
        List<UnaryOperator<AugmentationSettings.Builder>> changes = List.of(
                b -> b.variants(1), b -> b.maxShiftSeconds(0.25), b -> b.gainDb(3), b -> b.noiseSnrDb(10, 40),
                b -> b.noiseSnrDb(20, 30), b -> b.withoutNoise(), b -> b.pitchSemitones(1),
                b -> b.stretchDeviation(0.2), b -> b.seed(7));
        for (UnaryOperator<AugmentationSettings.Builder> change : changes) {
            AugmentationSettings changed = change.apply(d.toBuilder()).build();
            assertThat(changed.hash()).isNotEqualTo(d.hash());
            assertThat(changed).isNotEqualTo(d);
        }
        AugmentationSettings same = AugmentationSettings.builder().seed(42).gainDb(6).build();
        assertThat(same).isEqualTo(d).hasSameHashCodeAs(d);
        assertThat(same.hash()).isEqualTo(d.hash());
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        AugmentationSettings s = AugmentationSettings.builder().variants(4).withoutNoise().seed(-3).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(s);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            AugmentationSettings back = (AugmentationSettings) in.readObject();
            assertThat(back).isEqualTo(s);
            assertThat(back.hash()).isEqualTo(s.hash());
            assertThat(back.noiseEnabled()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "variants -1 | augment.variants must be in [0, 100], got -1",
            "shift -0.1 | augment.max-shift-seconds must be >= 0, got -0.1",
            "shift NaN | augment.max-shift-seconds must be finite, got NaN",
            "gain -1 | augment.gain-db must be >= 0, got -1.0",
            "gain Infinity | augment.gain-db must be finite, got Infinity",
            "pitch -1 | augment.pitch-semitones must be in [0, 12], got -1.0",
            "pitch 13 | augment.pitch-semitones must be in [0, 12], got 13.0",
            "stretch -0.5 | augment.stretch-deviation must be in [0, 1], got -0.5",
            "stretch 1.5 | augment.stretch-deviation must be in [0, 1], got 1.5",
            "snr 30 20 | augment.noise-snr-db-max must be >= augment.noise-snr-db-min=30.0, got 20.0",
            "snr 20 Infinity | augment.noise-snr-db-max must be finite (both bounds +Infinity turn noise off), got Infinity",
            "snr NaN 20 | augment.noise-snr-db-min must be finite (both bounds +Infinity turn noise off), got NaN"})
    void validationNamesTheSettingAndTheValue(String change, String message) {
        String[] parts = change.split(" ");
        AugmentationSettings.Builder b = AugmentationSettings.builder();
        switch (parts[0]) {
            case "variants" -> b.variants(Integer.parseInt(parts[1]));
            case "shift" -> b.maxShiftSeconds(Double.parseDouble(parts[1]));
            case "gain" -> b.gainDb(Double.parseDouble(parts[1]));
            case "pitch" -> b.pitchSemitones(Double.parseDouble(parts[1]));
            case "stretch" -> b.stretchDeviation(Double.parseDouble(parts[1]));
            case "snr" -> b.noiseSnrDb(Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
            default -> throw new IllegalArgumentException(change);
        }
        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void zeroMagnitudesAndNegativeSnrsAreValid() {
        AugmentationSettings off = AugmentationSettings.builder().variants(1).maxShiftSeconds(0).gainDb(0)
                .pitchSemitones(0).stretchDeviation(0).withoutNoise().build();
        assertThat(off.noiseEnabled()).isFalse();
        assertThat(AugmentationSettings.builder().noiseSnrDb(-5, -5).build().noiseSnrDbMin()).isEqualTo(-5.0);
    }
}
