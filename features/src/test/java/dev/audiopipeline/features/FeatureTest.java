package dev.audiopipeline.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureTest {

    private final FeatureSettings defaults = FeatureSettings.defaults();

    @Test
    void cliNamesRoundTrip() {
        assertThat(Feature.MFCC.cliName()).isEqualTo("mfcc");
        assertThat(Feature.LOGMEL.cliName()).isEqualTo("logmel");
        assertThat(Feature.MEL.cliName()).isEqualTo("mel");
        assertThat(Feature.CONTRAST.cliName()).isEqualTo("contrast");
        for (Feature f : Feature.values()) {
            assertThat(Feature.fromCliName(f.cliName())).isEqualTo(f);
        }
        assertThat(Feature.fromCliName(" MFCC ")).isEqualTo(Feature.MFCC);
        assertThatThrownBy(() -> Feature.fromCliName("mfccs"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown feature 'mfccs'").hasMessageContaining("logmel");
    }

    @Test
    void columnNamesArePaddedToTheWidestIndex() {
        List<String> mfcc = Feature.MFCC.columnNames(defaults);
        assertThat(mfcc).hasSize(13).startsWith("mfcc_00", "mfcc_01").endsWith("mfcc_12");
        assertThat(Feature.MEL.columnNames(defaults)).hasSize(128).startsWith("mel_000").endsWith("mel_127");
        assertThat(Feature.LOGMEL.columnNames(defaults)).startsWith("logmel_000").endsWith("logmel_127");
        assertThat(Feature.CONTRAST.columnNames(defaults)).containsExactly(
                "contrast_00", "contrast_01", "contrast_02", "contrast_03", "contrast_04", "contrast_05",
                "contrast_06");
        assertThat(Feature.STFT_MAG.columnNames(defaults)).hasSize(1025).endsWith("stft_mag_1024");
        assertThat(Feature.CHROMA.columnNames(defaults)).hasSize(12).endsWith("chroma_11");
        assertThat(Feature.MFCC_DELTA.columnNames(defaults)).startsWith("mfcc_delta_00");
        assertThat(Feature.RMS.columnNames(defaults)).containsExactly("rms");
        assertThat(Feature.ROLLOFF.columnNames(defaults)).containsExactly("rolloff");
        FeatureSettings wide = FeatureSettings.builder().nMfcc(5).nMels(40).build();
        assertThat(Feature.MFCC.columnNames(wide)).containsExactly("mfcc_00", "mfcc_01", "mfcc_02", "mfcc_03",
                "mfcc_04");
        assertThat(Feature.MEL.columnNames(wide)).startsWith("mel_00").endsWith("mel_39");
    }

    @Test
    void columnCountMatchesExtractedMatrices() {
        FeatureResult result = new FeatureExtractor(defaults).extract(new float[22050]);
        for (Feature f : Feature.values()) {
            assertThat(result.get(f)[0]).as(f.cliName()).hasSize(f.columnCount(defaults));
            assertThat(f.columnNames(defaults)).as(f.cliName()).hasSize(f.columnCount(defaults));
        }
    }
}
