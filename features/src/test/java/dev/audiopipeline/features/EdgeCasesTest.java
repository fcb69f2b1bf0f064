package dev.audiopipeline.features;

import static dev.audiopipeline.features.TestArrays.argmax;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EdgeCasesTest {

    private static final FeatureExtractor DEFAULTS = new FeatureExtractor(FeatureSettings.defaults());
    /** Everything but the delta, which needs at least delta_width (9) frames. */
    private static final Set<Feature> ALL_BUT_DELTA = EnumSet.complementOf(EnumSet.of(Feature.MFCC_DELTA));

    private static void assertAllFinite(FeatureResult result) {
        for (Feature f : result.requested()) {
            for (float[] row : result.get(f)) {
                for (float v : row) {
                    assertThat(Float.isFinite(v)).as("%s finite", f.cliName()).isTrue();
                }
            }
        }
    }

    @Test
    void inputShorterThanNfftGivesLibrosasFrameCount() {
        FeatureResult r = DEFAULTS.extract(new float[1000], ALL_BUT_DELTA);
        assertThat(r.frameCount()).isEqualTo(1 + 1000 / 512);
        assertThat(r.mfcc()).hasDimensions(2, 13);
        assertAllFinite(r);
    }

    @Test
    void singleSampleGivesOneFrame() {
        FeatureResult r = DEFAULTS.extract(new float[] {0.5f}, ALL_BUT_DELTA);
        assertThat(r.frameCount()).isEqualTo(1);
        assertAllFinite(r);
        // One non-zero sample at the window centre (w = 1): |X_k| = 0.5 for every bin.
        for (float v : r.stftMagnitude()[0]) {
            assertThat(v).isEqualTo(0.5f);
        }
        assertThat((double) r.rms()[0][0]).isEqualTo(Math.sqrt(0.25 / 2048), org.assertj.core.api.Assertions.offset(1e-9));
    }

    @Test
    void silenceGivesMinus100DbAndNoNaN() {
        FeatureResult r = DEFAULTS.extract(new float[22050]);
        assertAllFinite(r);
        for (float[] row : r.logMel()) {
            for (float v : row) {
                assertThat(v).isEqualTo(-100f); // 10 log10(amin = 1e-10)
            }
        }
        // MFCC of a constant -100 dB log-mel: only c0 = -100 * sqrt(128) is non-zero.
        assertThat((double) r.mfcc()[5][0]).isCloseTo(-100 * Math.sqrt(128), org.assertj.core.api.Assertions.within(1e-3));
        assertThat((double) r.mfcc()[5][1]).isCloseTo(0.0, org.assertj.core.api.Assertions.within(1e-4));
        // librosa: peak = valley = 0 -> power_to_db both -100 -> contrast 0.
        for (float[] row : r.contrast()) {
            assertThat(row).containsOnly(0f);
        }
        assertThat(r.centroid()[3][0]).isZero();
        assertThat(r.bandwidth()[3][0]).isZero();
        assertThat(r.rolloff()[3][0]).isZero();
        assertThat(r.chroma()[3]).containsOnly(0f);
        assertThat(r.zcr()[3][0]).isZero();
        assertThat(r.rms()[3][0]).isZero();
        assertThat(r.mfccDelta()[3]).containsOnly(0f);
    }

    @Test
    void nonFiniteSamplesAreRejectedNamingTheFirstBadIndex() {
        float[] y = new float[5000];
        y[1234] = Float.NaN;
        y[2000] = Float.POSITIVE_INFINITY;
        assertThatThrownBy(() -> DEFAULTS.extract(y))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("samples[1234] is NaN");
        float[] z = new float[5000];
        z[7] = Float.NEGATIVE_INFINITY;
        assertThatThrownBy(() -> DEFAULTS.extract(z))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("samples[7] is -Infinity");
    }

    @Test
    void emptyInputAndEmptyRequestAreRejected() {
        assertThatThrownBy(() -> DEFAULTS.extract(new float[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("samples must not be empty");
        assertThatThrownBy(() -> DEFAULTS.extract(new float[10], EnumSet.noneOf(Feature.class)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no feature requested");
    }

    @Test
    void uncentredInputShorterThanNfftIsRejected() {
        FeatureExtractor uncentred = new FeatureExtractor(FeatureSettings.builder().center(false).build());
        assertThatThrownBy(() -> uncentred.extract(new float[2000], EnumSet.of(Feature.MFCC)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2000 samples is shorter than n_fft=2048");
        assertThat(uncentred.extract(new float[2048 + 512 * 3], EnumSet.of(Feature.MFCC)).frameCount()).isEqualTo(4);
    }

    @Test
    void deltaOverTooFewFramesIsRejectedLikeLibrosa() {
        assertThatThrownBy(() -> DEFAULTS.extract(new float[1000], EnumSet.of(Feature.MFCC_DELTA)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("width=9 cannot exceed the number of frames=2");
    }

    @Test
    void contrastBandAboveNyquistIsAClearError() {
        // At 8 kHz the 6 octave bands from 200 Hz reach 6400 Hz >= 4000 Hz: librosa raises the same message.
        FeatureExtractor lowRate = new FeatureExtractor(FeatureSettings.builder().sampleRate(8000).build());
        assertThatThrownBy(() -> lowRate.extract(new float[8000], EnumSet.of(Feature.CONTRAST)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Frequency band exceeds Nyquist. Reduce either fmin or n_bands.")
                .hasMessageContaining("sample_rate=8000");
        // Everything else still works at that rate, and fewer bands fit.
        assertThat(lowRate.extract(new float[8000], EnumSet.of(Feature.MFCC)).frameCount()).isEqualTo(16);
        FeatureExtractor fourBands = new FeatureExtractor(
                FeatureSettings.builder().sampleRate(8000).contrastNBands(4).build());
        assertThat(fourBands.extract(new float[8000], EnumSet.of(Feature.CONTRAST)).contrast()[0]).hasSize(5);
    }

    @ParameterizedTest(name = "{0} Hz")
    @CsvSource({"8000, 16", "16000, 32", "22050, 44", "44100, 87"})
    void toneLandsInTheRightBinAndMelBandAtEverySampleRate(int sampleRate, int framesPerSecond) {
        FeatureSettings settings = FeatureSettings.builder().sampleRate(sampleRate).build();
        FeatureExtractor extractor = new FeatureExtractor(settings);
        double frequency = 1000.0;
        float[] y = new float[sampleRate];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (0.5 * Math.sin(2 * Math.PI * frequency * i / sampleRate));
        }
        FeatureResult r = extractor.extract(y, EnumSet.of(Feature.STFT_MAG, Feature.MEL));
        // 1 + len // hop frames (one second of audio)
        assertThat(r.frameCount()).isEqualTo(framesPerSecond).isEqualTo(1 + sampleRate / 512);
        int middle = r.frameCount() / 2;
        int expectedBin = (int) Math.round(frequency * 2048 / sampleRate);
        assertThat(argmax(r.stftMagnitude()[middle])).isEqualTo(expectedBin);
        // Mel band m spans [f(m), f(m+2)] on 130 Slaney-spaced points from 0 to sr/2; the loudest band is the
        // one whose centre f(m+1) is nearest the tone.
        int band = argmax(r.melPower()[middle]);
        double[] edges = dev.audiopipeline.features.dsp.FrequencyScales.melFrequencies(130, 0, sampleRate / 2.0);
        int nearest = 0;
        for (int m = 0; m < 128; m++) {
            if (Math.abs(edges[m + 1] - frequency) < Math.abs(edges[nearest + 1] - frequency)) {
                nearest = m;
            }
        }
        assertThat(band).isEqualTo(nearest);
        assertThat(edges[band]).isLessThan(frequency);
        assertThat(edges[band + 2]).isGreaterThan(frequency);
    }
}
