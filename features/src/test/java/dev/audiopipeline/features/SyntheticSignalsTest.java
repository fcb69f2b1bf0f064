package dev.audiopipeline.features;

import static dev.audiopipeline.features.TestArrays.argmax;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * Features without librosa golden files, checked against closed forms on synthetic signals (default settings:
 * 22050 Hz, n_fft 2048, hop 512). Only interior frames (whose 2048 samples lie inside the signal) are checked
 * where the padding would change the closed form.
 */
class SyntheticSignalsTest {

    private static final int SR = 22050;
    private static final int N_FFT = 2048;
    private static final double BIN_HZ = (double) SR / N_FFT; // 10.7666 Hz
    private static final FeatureExtractor EXTRACTOR = new FeatureExtractor(FeatureSettings.defaults());

    /** A tone of exactly 40 cycles per 2048 samples: a periodic-Hann frame of it has only bins 39, 40, 41. */
    private static float[] binCentredTone(double amplitude, int seconds) {
        float[] y = new float[SR * seconds];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (amplitude * Math.sin(2 * Math.PI * 40 * i / N_FFT));
        }
        return y;
    }

    private static int[] interiorFrames(int nSamples) {
        // frame t covers [t*512 - 1024, t*512 + 1024): inside the signal for 2 <= t <= (n - 1024) / 512
        int last = (nSamples - 1024) / 512;
        return java.util.stream.IntStream.rangeClosed(2, last).toArray();
    }

    @Test
    void rmsOfASineIsAmplitudeOverSqrtTwo() {
        float[] y = binCentredTone(0.5, 2);
        float[][] rms = EXTRACTOR.extract(y, EnumSet.of(Feature.RMS)).rms();
        for (int t : interiorFrames(y.length)) {
            // 40 whole periods per frame: mean of sin^2 is exactly 1/2
            assertThat((double) rms[t][0]).isCloseTo(0.5 / Math.sqrt(2), within(1e-6));
        }
        // First frame: 1024 zeros of padding then 1024 samples = 20 whole periods -> half the energy.
        assertThat((double) rms[0][0]).isCloseTo(0.5 / Math.sqrt(2) / Math.sqrt(2), within(1e-6));
    }

    @Test
    void centroidBandwidthAndRolloffOfABinCentredTone() {
        float[] y = binCentredTone(0.5, 2);
        FeatureResult r = EXTRACTOR.extract(y, EnumSet.of(Feature.CENTROID, Feature.BANDWIDTH, Feature.ROLLOFF));
        for (int t : interiorFrames(y.length)) {
            // |X| at bins 39, 40, 41 is in ratio 1/4 : 1/2 : 1/4 (Hann), so the centroid is bin 40,
            assertThat((double) r.centroid()[t][0]).isCloseTo(40 * BIN_HZ, within(1e-2));
            // the bandwidth sqrt((1/4 + 1/4) * BIN_HZ^2) = BIN_HZ / sqrt(2) = 7.61 Hz (the float32 rounding of
            // the samples adds a ~-140 dB broadband floor that the (f - centroid)^2 weight up to 11 kHz lifts
            // by ~0.3 Hz: hence the 0.5 Hz tolerance),
            assertThat((double) r.bandwidth()[t][0]).isCloseTo(BIN_HZ / Math.sqrt(2), within(0.5));
            // and 85 % of the magnitude is first reached at bin 41 (cumulative 25 %, 75 %, 100 %).
            assertThat((double) r.rolloff()[t][0]).isCloseTo(41 * BIN_HZ, within(1e-3));
        }
    }

    @Test
    void centroidOfAnOffBinToneIsNearItsFrequency() {
        float[] y = new float[SR];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (0.5 * Math.sin(2 * Math.PI * 1234.5 * i / SR));
        }
        float[][] centroid = EXTRACTOR.extract(y, EnumSet.of(Feature.CENTROID)).centroid();
        for (int t : interiorFrames(y.length)) {
            assertThat((double) centroid[t][0]).isCloseTo(1234.5, within(2.0));
        }
    }

    @Test
    void zeroCrossingRateOfAFullScaleSquareWave() {
        // Half-period 64 samples: every interior frame starts on a half-period boundary and holds 32 half
        // periods, so 31 sign changes between consecutive samples; zcr = 31 / 2048 (librosa never counts the
        // frame's first sample).
        float[] y = new float[SR];
        for (int i = 0; i < y.length; i++) {
            y[i] = (i / 64) % 2 == 0 ? 1f : -1f;
        }
        float[][] zcr = EXTRACTOR.extract(y, EnumSet.of(Feature.ZCR)).zcr();
        for (int t : interiorFrames(y.length)) {
            assertThat((double) zcr[t][0]).isCloseTo(31.0 / 2048, within(1e-9));
        }
        // Frame 0 is centred on sample 0: 1024 copies of y[0] (edge padding) then 16 half periods -> 15 changes.
        assertThat((double) zcr[0][0]).isCloseTo(15.0 / 2048, within(1e-9));
    }

    @Test
    void zeroCrossingRateOfASineIsTwiceItsFrequencyOverTheRate() {
        float[] y = new float[SR];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) Math.sin(2 * Math.PI * 440 * i / SR + 0.1);
        }
        float[][] zcr = EXTRACTOR.extract(y, EnumSet.of(Feature.ZCR)).zcr();
        for (int t : interiorFrames(y.length)) {
            // 2 * 440 / 22050 crossings per sample, +-1 crossing per frame
            assertThat((double) zcr[t][0]).isCloseTo(2.0 * 440 / SR, within(1.0 / 2048));
        }
    }

    @Test
    void tinyValuesDoNotCountAsCrossings() {
        // librosa zeroes |y| <= 1e-10 before taking sign bits: alternating +-1e-11 has no crossing.
        float[] y = new float[4096];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 2 == 0 ? 1e-11f : -1e-11f;
        }
        float[][] zcr = EXTRACTOR.extract(y, EnumSet.of(Feature.ZCR)).zcr();
        for (float[] row : zcr) {
            assertThat(row[0]).isZero();
        }
    }

    @Test
    void chromaOfA440PeaksAtPitchClassA() {
        float[] y = new float[SR * 2];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / SR));
        }
        float[][] chroma = EXTRACTOR.extract(y, EnumSet.of(Feature.CHROMA)).chroma();
        for (int t : interiorFrames(y.length)) {
            // Row 0 is C (base_c), so A is row 9; norm=inf makes the peak exactly 1.
            assertThat(argmax(chroma[t])).isEqualTo(9);
            assertThat(chroma[t][9]).isEqualTo(1f);
            assertThat(chroma[t][0]).isLessThan(0.1f); // C is far from A
        }
    }

    @Test
    void chromaOfMiddleCPeaksAtPitchClassC() {
        float[] y = new float[SR * 2];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (0.5 * Math.sin(2 * Math.PI * 261.6256 * i / SR));
        }
        float[][] chroma = EXTRACTOR.extract(y, EnumSet.of(Feature.CHROMA)).chroma();
        for (int t : interiorFrames(y.length)) {
            assertThat(argmax(chroma[t])).isZero();
        }
    }

    @Test
    void mfccDeltaIsTheDeltaOfTheMfccOfTheSameCall() {
        // Delta itself is checked against ramps and scipy numbers in DeltaTest; here the wiring.
        float[] y = binCentredTone(0.5, 2);
        for (int i = 0; i < y.length; i++) {
            y[i] *= (float) i / y.length; // rising amplitude, so MFCCs change over time
        }
        FeatureResult r = EXTRACTOR.extract(y, EnumSet.of(Feature.MFCC_DELTA));
        float[][] expected = dev.audiopipeline.features.dsp.Delta.compute(r.mfcc(), 9);
        assertThat(r.mfccDelta()).isDeepEqualTo(expected);
        assertThat(r.mfccDelta()[40][0]).isGreaterThan(0f);
    }

    @Test
    void melOfEveryFrameIsTheFilterbankTimesTheMagnitudeToThePower() {
        // Frames run in blocks of four through the filterbank; 47 frames leave a block of three, and each power
        // takes a different input path (|X|^2 itself, |X|, and |X|^1.5 computed per frame).
        float[] y = new float[46 * 512 + 100];
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (0.3 * Math.sin(2 * Math.PI * (200 + 0.05 * i) * i / SR) + 0.05 * random.nextGaussian());
        }
        for (double power : new double[] {2.0, 1.0, 1.5}) {
            FeatureExtractor extractor = new FeatureExtractor(FeatureSettings.builder().power(power).build());
            FeatureResult r = extractor.extract(y, EnumSet.of(Feature.MEL, Feature.STFT_MAG));
            float[][] dense = extractor.melFilterbank().toDense();
            assertThat(r.frameCount()).isEqualTo(47);
            for (int t = 0; t < r.frameCount(); t++) {
                for (int m = 0; m < dense.length; m++) {
                    double expected = 0;
                    for (int k = 0; k < dense[m].length; k++) {
                        expected += dense[m][k] * Math.pow(r.stftMagnitude()[t][k], power);
                    }
                    assertThat((double) r.melPower()[t][m]).as("power %s frame %d band %d", power, t, m)
                            .isCloseTo(expected, within(1e-5 * expected + 1e-12));
                }
            }
        }
    }
}
