package dev.audiopipeline.features.augment;

import static dev.audiopipeline.features.augment.Signals.SAMPLE_RATE;
import static dev.audiopipeline.features.augment.Signals.SEGMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SegmentAugmenterTest {

    private static final AugmentationSettings ALL_ON = AugmentationSettings.builder().variants(3).build();
    /** Every effect off; tests switch on one at a time. */
    private static final AugmentationSettings ALL_OFF = AugmentationSettings.builder().variants(3)
            .maxShiftSeconds(0).gainDb(0).pitchSemitones(0).stretchDeviation(0).withoutNoise().build();

    private static float[] music(int n, long seed) {
        Random random = new Random(seed);
        float[] y = new float[n];
        double phase = 0;
        for (int i = 0; i < n; i++) {
            phase += 2 * Math.PI * (220 + 40 * Math.sin(i * 1e-4)) / SAMPLE_RATE;
            y[i] = (float) (0.4 * Math.sin(phase) + 0.2 * Math.sin(3 * phase) + 0.02 * random.nextGaussian());
        }
        return y;
    }

    /**
     * The pitch shift's resampling (the product's soxr_hq resampler, as librosa's pitch_shift): a tone of nu
     * cycles per sample comes out at nu / rate with its amplitude, and nothing else; librosa's length.
     */
    @ParameterizedTest(name = "rate {0}")
    @ValueSource(doubles = {0.8909, 0.9439, 1.0595, 1.1225, 0.5, 2.0})
    void resamplingByARateKeepsATone(double rate) {
        double nu = 0.2 * Math.min(1, rate);
        double[] x = new double[20_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.5 * Math.sin(2 * Math.PI * nu * i);
        }
        double[] y = SegmentAugmenter.resampleBy(x, rate);

        assertThat(y.length).isEqualTo((int) Math.ceil(x.length * (double) SegmentAugmenter.RESAMPLE_RATE
                / Math.round(SegmentAugmenter.RESAMPLE_RATE / rate)));
        assertThat(Math.abs(y.length - x.length * rate)).isLessThan(2);
        // Output j is the input at time j * in / out, the ratio rounded to whole Hz at 480 kHz.
        double inPerOut = Math.round(SegmentAugmenter.RESAMPLE_RATE / rate) / (double) SegmentAugmenter.RESAMPLE_RATE;
        assertThat(Math.abs(inPerOut * rate - 1)).isLessThan(3e-6);
        double worst = 0;
        for (int j = 1000; j < y.length - 1000; j++) {
            worst = Math.max(worst, Math.abs(y[j] - 0.5 * Math.sin(2 * Math.PI * nu * inPerOut * j)));
        }
        assertThat(worst).as("rate %s", rate).isLessThan(1e-5);
    }

    @Test
    void sameInputsGiveBitIdenticalOutputsAcrossInstances() {
        float[] segment = music(SEGMENT, 1);
        float[] a = new SegmentAugmenter(ALL_ON, SAMPLE_RATE).variant(segment, "track-7", 4, 2);
        float[] b = new SegmentAugmenter(ALL_ON, SAMPLE_RATE).variant(segment, "track-7", 4, 2);
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(segment);
    }

    @Test
    void parametersDependOnSeedTrackSegmentAndVariant() {
        SegmentAugmenter augmenter = new SegmentAugmenter(ALL_ON, SAMPLE_RATE);
        VariantParameters base = augmenter.parameters("track-7", 4, 1);
        List<VariantParameters> others = List.of(
                augmenter.parameters("track-7", 4, 2),
                augmenter.parameters("track-7", 5, 1),
                augmenter.parameters("track-8", 4, 1),
                new SegmentAugmenter(ALL_ON.toBuilder().seed(43).build(), SAMPLE_RATE).parameters("track-7", 4, 1));
        for (VariantParameters other : others) {
            assertThat(other.stretchRate()).isNotEqualTo(base.stretchRate());
            assertThat(other.semitones()).isNotEqualTo(base.semitones());
            assertThat(other.shiftSamples()).isNotEqualTo(base.shiftSamples());
            assertThat(other.gainDb()).isNotEqualTo(base.gainDb());
            assertThat(other.snrDb()).isNotEqualTo(base.snrDb());
            assertThat(other.noiseSeed()).isNotEqualTo(base.noiseSeed());
        }
        assertThat(augmenter.parameters("track-7", 4, 1)).isEqualTo(base);
    }

    /**
     * Pinned: stored augmented features are only reproducible while these draws stay the same. SplitMix64, the
     * seed hash and StrictMath.pow are portable, so this holds on every JVM; the values were cross-checked with
     * src/test/python/variant_draws_reference.py.
     */
    @Test
    void drawsArePinned() {
        VariantParameters p = new SegmentAugmenter(ALL_ON, SAMPLE_RATE).parameters("track-7", 4, 1);
        assertThat(p).isEqualTo(new VariantParameters(1.0789496016165159, 1.0045140394075496, 32, 32.0 / 22050,
                5.471984414180999, 38.00782405239658, -5447960421759795031L));
    }

    @Test
    void drawsStayWithinTheConfiguredRanges() {
        SegmentAugmenter augmenter = new SegmentAugmenter(ALL_ON, SAMPLE_RATE);
        double minRate = 2;
        double maxRate = 0;
        int maxShift = 0;
        for (int v = 1; v <= 2000; v++) {
            VariantParameters p = augmenter.parameters("t", 0, v);
            assertThat(p.stretchRate()).isBetween(1 / 1.1, 1.1);
            assertThat(p.semitones()).isBetween(-2.0, 2.0);
            assertThat(p.shiftSamples()).isBetween(-11025, 11025);
            assertThat(p.shiftSeconds()).isEqualTo((double) p.shiftSamples() / SAMPLE_RATE);
            assertThat(p.gainDb()).isBetween(-6.0, 6.0);
            assertThat(p.snrDb()).isBetween(20.0, 40.0);
            minRate = Math.min(minRate, p.stretchRate());
            maxRate = Math.max(maxRate, p.stretchRate());
            maxShift = Math.max(maxShift, Math.abs(p.shiftSamples()));
        }
        // the ranges are used in full, in both directions
        assertThat(minRate).isLessThan(1 / 1.09);
        assertThat(maxRate).isGreaterThan(1.09);
        assertThat(maxShift).isGreaterThan(10_500);
    }

    @ParameterizedTest(name = "n {0}")
    @ValueSource(ints = {SEGMENT, 66_000, 5000, 2049, 511, 1, 0})
    void outputHasTheInputsLengthAndTheInputIsUntouched(int n) {
        float[] segment = music(n, 2);
        float[] copy = segment.clone();
        SegmentAugmenter augmenter = new SegmentAugmenter(ALL_ON.toBuilder().pitchSemitones(4)
                .stretchDeviation(0.3).build(), SAMPLE_RATE);
        for (int v = 1; v <= 3; v++) {
            float[] out = augmenter.variant(segment, "track", 0, v);
            assertThat(out).hasSize(n).isNotSameAs(segment);
        }
        assertThat(segment).isEqualTo(copy);
    }

    @Test
    void everyEffectOffIsAnExactCopy() {
        float[] segment = music(SEGMENT, 3);
        SegmentAugmenter augmenter = new SegmentAugmenter(ALL_OFF, SAMPLE_RATE);
        VariantParameters p = augmenter.parameters("track", 0, 1);
        assertThat(p).isEqualTo(VariantParameters.neutral().withNoise(Double.POSITIVE_INFINITY, p.noiseSeed()));
        float[] out = augmenter.variant(segment, "track", 0, 1);
        assertThat(out).isEqualTo(segment).isNotSameAs(segment);
    }

    @Test
    void turningOneEffectOffLeavesTheOtherDrawsAlone() {
        VariantParameters all = new SegmentAugmenter(ALL_ON, SAMPLE_RATE).parameters("x", 2, 3);
        VariantParameters noGain = new SegmentAugmenter(ALL_ON.toBuilder().gainDb(0).build(), SAMPLE_RATE)
                .parameters("x", 2, 3);
        assertThat(noGain).isEqualTo(all.withGainDb(0.0));
        VariantParameters noStretch = new SegmentAugmenter(ALL_ON.toBuilder().stretchDeviation(0).build(),
                SAMPLE_RATE).parameters("x", 2, 3);
        assertThat(noStretch).isEqualTo(all.withStretchRate(1.0));
        VariantParameters noNoise = new SegmentAugmenter(ALL_ON.toBuilder().withoutNoise().build(), SAMPLE_RATE)
                .parameters("x", 2, 3);
        assertThat(noNoise).isEqualTo(all.withNoise(Double.POSITIVE_INFINITY, all.noiseSeed()));
    }

    /** Only gain on: every other step is an exact identity, so each sample is exactly the scaled input. */
    @Test
    void gainIsExactInDecibels() {
        float[] segment = music(SEGMENT, 4);
        SegmentAugmenter augmenter = new SegmentAugmenter(ALL_OFF.toBuilder().gainDb(6).build(), SAMPLE_RATE);
        for (int v = 1; v <= 3; v++) {
            VariantParameters p = augmenter.parameters("track", 0, v);
            assertThat(Math.abs(p.gainDb())).isGreaterThan(0).isLessThanOrEqualTo(6);
            float[] out = augmenter.variant(segment, "track", 0, v);
            double factor = StrictMath.pow(10, p.gainDb() / 20);
            for (int i = 0; i < segment.length; i++) {
                assertThat(out[i]).isEqualTo((float) (segment[i] * factor));
            }
            double measured = 20 * Math.log10(Signals.rms(Signals.toDouble(out)) / Signals.rms(Signals.toDouble(segment)));
            assertThat(measured).isCloseTo(p.gainDb(), within(1e-5));
        }
    }

    /** Only shift on: a click moves by exactly the drawn number of samples (circularly), nothing else changes. */
    @Test
    void shiftMovesAClickByExactlyTheDrawnSamples() {
        float[] click = new float[SEGMENT];
        click[1000] = 1.0f;
        SegmentAugmenter augmenter = new SegmentAugmenter(ALL_OFF.toBuilder().maxShiftSeconds(0.5).build(),
                SAMPLE_RATE);
        boolean sawNegative = false;
        for (int v = 1; v <= 12; v++) {
            VariantParameters p = augmenter.parameters("track", 9, v);
            sawNegative |= p.shiftSamples() < 0;
            float[] out = augmenter.variant(click, "track", 9, v);
            int expected = Math.floorMod(1000 + p.shiftSamples(), SEGMENT);
            for (int i = 0; i < SEGMENT; i++) {
                assertThat(out[i]).as("sample %d, shift %d", i, p.shiftSamples()).isEqualTo(i == expected ? 1f : 0f);
            }
        }
        assertThat(sawNegative).isTrue(); // negative shifts wrap the click to the end
    }

    @Test
    void noiseHasTheDrawnSnrOnATone() {
        double[] tone = Signals.sine(440, 0.5, SEGMENT);
        float[] segment = Signals.toFloat(tone);
        SegmentAugmenter augmenter = new SegmentAugmenter(ALL_OFF.toBuilder().noiseSnrDb(20, 40).build(),
                SAMPLE_RATE);
        for (int v = 1; v <= 4; v++) {
            VariantParameters p = augmenter.parameters("track", 0, v);
            float[] out = augmenter.variant(segment, "track", 0, v);
            double[] noise = new double[SEGMENT];
            double mean = 0;
            for (int i = 0; i < SEGMENT; i++) {
                noise[i] = out[i] - segment[i];
                mean += noise[i] / SEGMENT;
            }
            double signalRms = Signals.rms(Signals.toDouble(segment));
            double noiseRms = Signals.rms(noise);
            double snr = 20 * Math.log10(signalRms / noiseRms);
            // the RMS of 66150 Gaussian samples is within ~0.3 % (0.03 dB) of sigma
            assertThat(snr).isCloseTo(p.snrDb(), within(0.15));
            assertThat(mean).isCloseTo(0.0, within(5 * noiseRms / Math.sqrt(SEGMENT)));
            int withinOneSigma = 0;
            for (double x : noise) {
                withinOneSigma += Math.abs(x) <= noiseRms ? 1 : 0;
            }
            assertThat((double) withinOneSigma / SEGMENT).isCloseTo(0.6827, within(0.01)); // Gaussian, not uniform
        }
    }

    @Test
    void silenceStaysSilentWithEveryEffectOn() {
        float[] silence = new float[SEGMENT];
        SegmentAugmenter augmenter = new SegmentAugmenter(ALL_ON, SAMPLE_RATE);
        for (int v = 1; v <= 3; v++) {
            assertThat(augmenter.variant(silence, "quiet", 0, v)).containsOnly(0f).hasSize(SEGMENT);
        }
    }

    @ParameterizedTest(name = "{0} semitones")
    @ValueSource(doubles = {2.0, -3.0, 0.5})
    void pitchShiftMovesASineByTheSemitones(double semitones) {
        float[] segment = Signals.toFloat(Signals.sine(440, 0.5, SEGMENT));
        SegmentAugmenter augmenter = new SegmentAugmenter(ALL_OFF, SAMPLE_RATE);
        float[] out = augmenter.apply(segment, VariantParameters.neutral().withSemitones(semitones));
        assertThat(out).hasSize(SEGMENT);
        double[] y = Signals.toDouble(out);
        double expected = 440 * Math.pow(2, semitones / 12);
        // one bin of a 1.5-s DFT is 2/3 Hz; the search grid is 0.02 Hz
        double peak = Signals.peakFrequency(y, SEGMENT / 4, 3 * SEGMENT / 4, expected);
        assertThat(peak).isCloseTo(expected, within(2.0 / 3));
        double level = Signals.rms(y, SEGMENT / 4, 3 * SEGMENT / 4) / (0.5 / Math.sqrt(2));
        assertThat(level).isBetween(0.85, 1.01); // the vocoder's ~1 dB loss at most, see TimeStretcherTest
    }

    /** Only stretch on: the stretch primitive's output, cut or zero-padded to the input's length. */
    @Test
    void stretchIsTheStretchPrimitiveFittedToTheLength() {
        float[] segment = music(SEGMENT, 5);
        SegmentAugmenter augmenter = new SegmentAugmenter(ALL_OFF, SAMPLE_RATE);
        for (double rate : new double[] {1.1, 1 / 1.1}) {
            float[] out = augmenter.apply(segment, VariantParameters.neutral().withStretchRate(rate));
            double[] stretched = new TimeStretcher().stretch(Signals.toDouble(segment), rate);
            assertThat(out).hasSize(SEGMENT);
            for (int i = 0; i < SEGMENT; i++) {
                float expected = i < stretched.length ? (float) stretched[i] : 0f;
                assertThat(out[i]).as("rate %s sample %d", rate, i).isEqualTo(expected);
            }
        }
    }

    @Test
    void isThreadSafe() throws Exception {
        SegmentAugmenter augmenter = new SegmentAugmenter(ALL_ON, SAMPLE_RATE);
        float[] segment = music(20_000, 6);
        List<float[]> sequential = new ArrayList<>();
        for (int v = 1; v <= 6; v++) {
            sequential.add(augmenter.variant(segment, "t", 1, v));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<float[]>> futures = new ArrayList<>();
            for (int v = 1; v <= 6; v++) {
                int variant = v;
                futures.add(pool.submit(() -> augmenter.variant(segment, "t", 1, variant)));
            }
            for (int v = 0; v < 6; v++) {
                assertThat(futures.get(v).get()).isEqualTo(sequential.get(v));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsVariantZeroAndBadSampleRates() {
        SegmentAugmenter augmenter = new SegmentAugmenter(ALL_ON, SAMPLE_RATE);
        assertThatThrownBy(() -> augmenter.variant(new float[10], "t", 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("variant must be >= 1");
        assertThatThrownBy(() -> new SegmentAugmenter(ALL_ON, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sample_rate");
    }
}
