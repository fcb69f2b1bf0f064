package dev.audiopipeline.features.resample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamingResamplerTest {

    private static float[] noise(int n, long seed) {
        Random random = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (random.nextGaussian() * 0.3);
        }
        return x;
    }

    /** Feeds {@code x} in chunks whose sizes cycle through {@code sizes}. */
    private static float[] resampleInChunks(float[] x, int in, int out, ResampleType type, int... sizes) {
        StreamingResampler resampler = new StreamingResampler(in, out, type);
        FloatArrayCollector collector = new FloatArrayCollector();
        int pos = 0;
        for (int k = 0; pos < x.length; k++) {
            int len = Math.min(sizes[k % sizes.length], x.length - pos);
            resampler.process(x, pos, len, collector);
            pos += len;
        }
        resampler.finish(collector);
        return collector.toArray();
    }

    private static float[] hq(float[] x, int in, int out) {
        return StreamingResampler.resample(x, in, out, ResampleType.SOXR_HQ);
    }

    private static int[] bits(float[] x) {
        int[] b = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            b[i] = Float.floatToRawIntBits(x[i]);
        }
        return b;
    }

    @ParameterizedTest(name = "{0} -> {1} Hz, {2}")
    @CsvSource({"44100, 22050, SOXR_HQ", "48000, 22050, SOXR_HQ", "16000, 22050, SOXR_HQ", "8000, 22050, SOXR_HQ",
        "96000, 22050, SOXR_HQ", "11025, 22050, SOXR_HQ", "32000, 22050, SOXR_HQ", "22050, 22051, SOXR_HQ",
        "22050, 8000, SOXR_HQ", "22050, 44100, SOXR_HQ", "22050, 22050, SOXR_HQ", "48000, 22050, SOXR_VHQ",
        "22050, 22051, SOXR_VHQ", "44100, 22050, SOXR_MQ", "48000, 22050, SOXR_LQ"})
    void anyChunkingGivesBitIdenticalOutput(int in, int out, ResampleType type) {
        float[] x = noise(3 * in / 2 + 17, in + out);
        float[] whole = resampleInChunks(x, in, out, type, x.length);
        Random random = new Random(7);
        int[] randomSizes = new int[64];
        for (int i = 0; i < randomSizes.length; i++) {
            randomSizes[i] = 1 + random.nextInt(i % 3 == 0 ? 10 : 9000);
        }

        assertThat(whole).hasSize((int) new RateRatio(in, out).outputLength(x.length));
        assertThat(bits(resampleInChunks(x, in, out, type, 1))).containsExactly(bits(whole));
        assertThat(bits(resampleInChunks(x, in, out, type, 7, 4096, 1, 5000))).containsExactly(bits(whole));
        assertThat(bits(resampleInChunks(x, in, out, type, randomSizes))).containsExactly(bits(whole));
        assertThat(bits(StreamingResampler.resample(x, in, out, type))).containsExactly(bits(whole));
    }

    @Test
    void returningApiMatchesOneShot() {
        float[] x = noise(30_000, 3);
        StreamingResampler resampler = new StreamingResampler(48000, 22050);
        FloatArrayCollector collected = new FloatArrayCollector();
        for (float[] part : new float[][] {resampler.process(x, 0, 10_000), resampler.process(x, 10_000, 20_000),
            resampler.finish()}) {
            collected.accept(part, 0, part.length);
        }

        assertThat(resampler.inputCount()).isEqualTo(30_000);
        assertThat(collected.size()).isEqualTo((int) Math.ceil(30_000 * 22050.0 / 48000));
        assertThat(bits(collected.toArray())).containsExactly(bits(hq(x, 48000, 22050)));
    }

    @Test
    void outputLengthFollowsLibrosaForManyLengthsAndRates() {
        int[][] pairs = {{44100, 22050}, {48000, 22050}, {16000, 22050}, {8000, 22050}, {11025, 22050},
            {32000, 22050}, {96000, 22050}, {22050, 8000}, {22050, 16000}, {22050, 22051}, {22051, 22050},
            {22050, 44100}, {22050, 96000}, {1000, 256_000}, {256_000, 1000}, {7, 13}};
        int[] lengths = {0, 1, 2, 3, 5, 100, 147, 160, 441, 1000, 4097, 12_345};
        for (int[] pair : pairs) {
            RateRatio ratio = new RateRatio(pair[0], pair[1]);
            for (int n : lengths) {
                long expected = (long) Math.ceil(n * ((double) pair[1] / pair[0]));
                for (ResampleType type : ResampleType.values()) {
                    float[] y = StreamingResampler.resample(new float[n], pair[0], pair[1], type);
                    assertThat(y.length).as("%d samples %d -> %d Hz %s", n, pair[0], pair[1], type)
                            .isEqualTo(expected);
                }
                assertThat(ratio.outputLength(n)).isEqualTo(expected);
                long exact = (long) n * pair[1] / pair[0] + ((long) n * pair[1] % pair[0] == 0 ? 0 : 1);
                assertThat(ratio.exactOutputLength(n)).isEqualTo(exact);
            }
        }
    }

    @Test
    void lengthReproducesLibrosaFloatRoundingQuirk() {
        // np.ceil(147 * (96000 / 22050)) == 641 although 147 * 96000 / 22050 == 640 exactly.
        RateRatio ratio = new RateRatio(22050, 96000);
        assertThat(ratio.outputLength(147)).isEqualTo(641);
        assertThat(ratio.exactOutputLength(147)).isEqualTo(640);
        assertThat(hq(new float[147], 22050, 96000)).hasSize(641);
    }

    @Test
    void equalRatesPassThroughExactly() {
        float[] x = noise(10_001, 11);
        x[5] = Float.MIN_VALUE;
        x[6] = -0.0f;

        assertThat(bits(resampleInChunks(x, 22050, 22050, ResampleType.SOXR_HQ, 3, 1000))).containsExactly(bits(x));
        assertThat(new RateRatio(22050, 22050).isIdentity()).isTrue();
    }

    @Test
    void outputIsCentredWithoutGroupDelay() {
        // Downsampling by 2: an input impulse at even index 2m peaks at output m, symmetrically.
        float[] x = new float[20_000];
        x[10_000] = 1;
        float[] down = hq(x, 44100, 22050);
        assertThat(argMax(down)).isEqualTo(5_000);
        for (int d = 1; d < 200; d++) {
            assertThat((double) down[5_000 - d]).isCloseTo(down[5_000 + d], org.assertj.core.data.Offset.offset(1e-7));
        }
        // Upsampling by 2 of a band-limited signal: input sample m lands on output 2m with the same value.
        float[] slow = new float[5_000];
        for (int m = 0; m < slow.length; m++) {
            double t = m / 11025.0;
            slow[m] = (float) (0.3 * Math.sin(2 * Math.PI * 1000 * t) + 0.2 * Math.sin(2 * Math.PI * 3000 * t + 1)
                    + 0.1 * Math.sin(2 * Math.PI * 4500 * t + 2));
        }
        float[] up = hq(slow, 11025, 22050);
        int skip = Signals.edgeSkip(11025, 22050);
        for (int m = skip; m < slow.length - skip; m++) {
            assertThat((double) up[2 * m]).isCloseTo(slow[m], org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    @Test
    void sweepIsAlignedWithTheIdealAtAnArbitraryRatio() {
        // A 1-sample shift of a 1 kHz tone at 22050 Hz would cost ~11 dB of SNR; alignment errors show here.
        float[] x = Signals.tone(48000, 48000, 1000, 0.5);
        float[] y = hq(x, 48000, 22050);
        double[] ideal = new double[y.length];
        for (int j = 0; j < y.length; j++) {
            ideal[j] = 0.5 * Math.sin(2 * Math.PI * 1000 * j / 22050.0);
        }
        int skip = Signals.edgeSkip(48000, 22050);
        assertThat(Signals.snrDb(y, ideal, skip, y.length - skip)).isGreaterThan(120);
    }

    @Test
    void constantSignalKeepsItsLevel() {
        float[] ones = new float[8000];
        java.util.Arrays.fill(ones, 1f);
        float[] y = hq(ones, 16000, 22050);
        int skip = Signals.edgeSkip(16000, 22050);
        for (int j = skip; j < y.length - skip; j++) {
            assertThat((double) y[j]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    /**
     * The signal is zero outside {@code [0, n)}, without padding tricks at either end: zeros put in front of the
     * input (a whole number of {@code down} samples) shift the output by whole {@code up} samples and change
     * nothing else, and zeros after it only add the filter's tail. Checked near the edges, where a filter that
     * treated its ends specially would differ (values equal to float rounding: the FFT blocks fall elsewhere).
     */
    @ParameterizedTest(name = "{0} -> {1} Hz, {2}")
    @CsvSource({"44100, 22050, SOXR_HQ", "48000, 22050, SOXR_HQ", "16000, 22050, SOXR_HQ", "11025, 22050, SOXR_HQ",
        "96000, 22050, SOXR_HQ", "22050, 16000, SOXR_HQ", "48000, 22050, SOXR_VHQ"})
    void zerosOutsideTheSignalChangeNothing(int in, int out, ResampleType type) {
        RateRatio ratio = new RateRatio(in, out);
        float[] x = noise(20_000, 5);
        int lead = 3 * ratio.down();
        float[] padded = new float[lead + x.length + 5 * ratio.down()];
        System.arraycopy(x, 0, padded, lead, x.length);
        float[] y = StreamingResampler.resample(x, in, out, type);
        float[] z = StreamingResampler.resample(padded, in, out, type);
        int shift = 3 * ratio.up();
        double worst = 0;
        for (int j = 0; j < y.length; j++) {
            worst = Math.max(worst, Math.abs(y[j] - z[j + shift]));
        }
        System.out.printf("zero padding %d -> %d %s: worst difference %.2e%n", in, out, type, worst);
        assertThat(worst).isLessThan(type == ResampleType.SOXR_VHQ ? 1e-12 : 1e-6);
    }

    @Test
    void emptyInputGivesEmptyOutput() {
        StreamingResampler resampler = new StreamingResampler(44100, 22050);
        assertThat(resampler.process(new float[0], 0, 0)).isEmpty();
        assertThat(resampler.finish()).isEmpty();
    }

    @Test
    void rejectsUseAfterFinish() {
        StreamingResampler resampler = new StreamingResampler(44100, 22050);
        resampler.finish();
        assertThatThrownBy(() -> resampler.process(new float[1], 0, 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(resampler::finish).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsBadOffsets() {
        StreamingResampler resampler = new StreamingResampler(44100, 22050);
        assertThatThrownBy(() -> resampler.process(new float[4], 2, 3, (b, o, l) -> { }))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @ParameterizedTest(name = "{0} -> {1} Hz rejected, message names {2}")
    @CsvSource({"0, 22050, 0", "-44100, 22050, -44100", "44100, 0, 0", "22050, -1, -1",
        "1000001, 22050, 1000001", "22050, 2000000, 2000000", "1000, 257000, 257000", "257000, 1000, 257000",
        "100, 1000000, 1000000"})
    void rejectsAbsurdRates(int in, int out, String named) {
        assertThatThrownBy(() -> new StreamingResampler(in, out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(named);
    }

    @Test
    void acceptsTheExtremeRatios() {
        assertThat(hq(new float[1000], 1000, 256_000)).hasSize(256_000);
        assertThat(StreamingResampler.resample(new float[1000], 1000, 256_000, ResampleType.SOXR_VHQ))
                .hasSize(256_000);
        assertThat(hq(new float[256_000], 256_000, 1000)).hasSize(1000);
    }

    private static int argMax(float[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (Math.abs(x[i]) > Math.abs(x[best])) {
                best = i;
            }
        }
        return best;
    }
}
