package dev.audiopipeline.features.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpectralContrastTest {

    /** The straightforward per-band sort librosa does, on magnitudes, with its band arithmetic. */
    private static void sortedReference(double[] magnitude, int sr, int nFft, double fmin, int nBands,
                                        double quantile, double[] peak, double[] valley) {
        double[] freqs = FrequencyScales.fftFrequencies(sr, nFft);
        for (int k = 0; k <= nBands; k++) {
            double low = k == 0 ? 0 : fmin * Math.pow(2, k - 1);
            double high = fmin * Math.pow(2, k);
            int first = -1;
            int last = -1;
            for (int i = 0; i < freqs.length; i++) {
                if (freqs[i] >= low && freqs[i] <= high) {
                    if (first < 0) {
                        first = i;
                    }
                    last = i;
                }
            }
            if (k > 0) {
                first--;
            }
            if (k == nBands) {
                last = freqs.length - 1;
            }
            int count = last - first + 1;
            double[] band = Arrays.copyOfRange(magnitude, first, k < nBands ? last : last + 1);
            Arrays.sort(band);
            int q = Math.min(band.length, (int) Math.max(1, Math.rint(quantile * count)));
            double lowSum = 0;
            double highSum = 0;
            for (int i = 0; i < q; i++) {
                lowSum += band[i];
                highSum += band[band.length - 1 - i];
            }
            valley[k] = lowSum / q;
            peak[k] = highSum / q;
        }
    }

    @Test
    void selectionEqualsSortingForManyRandomFramesAndQuantiles() {
        Random random = new Random(11);
        for (double quantile : new double[] {0.02, 0.1, 0.25, 0.45}) {
            SpectralContrast contrast = SpectralContrast.create(22050, 2048, 200, 6, quantile, false);
            double[] power = new double[1025];
            double[] magnitude = new double[1025];
            double[] peak = new double[7];
            double[] valley = new double[7];
            double[] expectedPeak = new double[7];
            double[] expectedValley = new double[7];
            SpectralContrast.Scratch scratch = contrast.newScratch();
            for (int frame = 0; frame < 50; frame++) {
                for (int i = 0; i < power.length; i++) {
                    // ties on purpose (rounded values) and a wide dynamic range
                    magnitude[i] = Math.rint(Math.exp(4 * random.nextGaussian()) * 8) / 8;
                    power[i] = magnitude[i] * magnitude[i];
                }
                contrast.peaksAndValleys(power, peak, valley, scratch);
                sortedReference(magnitude, 22050, 2048, 200, 6, quantile, expectedPeak, expectedValley);
                for (int b = 0; b < 7; b++) {
                    assertThat(peak[b]).isCloseTo(expectedPeak[b], within(1e-9 * Math.max(1, expectedPeak[b])));
                    assertThat(valley[b]).isCloseTo(expectedValley[b], within(1e-9 * Math.max(1, expectedValley[b])));
                }
            }
        }
    }

    @Test
    void boundsRememberedFromThePreviousFrameNeverChangeTheResult() {
        // Loud, then 120 dB quieter, then loud again, then silence: each change defeats the bound taken from the
        // previous frame (peaks fall below it, or valleys rise above it), forcing the unbounded re-selection.
        SpectralContrast contrast = SpectralContrast.create(22050, 2048, 200, 6, 0.02, false);
        SpectralContrast.Scratch scratch = contrast.newScratch();
        Random random = new Random(2);
        double[] loud = new double[1025];
        double[] quiet = new double[1025];
        for (int i = 0; i < loud.length; i++) {
            loud[i] = 1 + random.nextDouble();
            quiet[i] = 1e-6 * (1 + random.nextDouble());
        }
        double[] silence = new double[1025];
        for (double[] magnitude : new double[][] {loud, loud, quiet, loud, silence, silence, quiet}) {
            double[] power = new double[1025];
            for (int i = 0; i < power.length; i++) {
                power[i] = magnitude[i] * magnitude[i];
            }
            double[] peak = new double[7];
            double[] valley = new double[7];
            double[] expectedPeak = new double[7];
            double[] expectedValley = new double[7];
            contrast.peaksAndValleys(power, peak, valley, scratch);
            sortedReference(magnitude, 22050, 2048, 200, 6, 0.02, expectedPeak, expectedValley);
            assertThat(peak).containsExactly(expectedPeak, within(1e-12));
            assertThat(valley).containsExactly(expectedValley, within(1e-12));
        }
    }

    @Test
    void slowlyChangingSpectraKeepTheRememberedBoundsAndStayExact() {
        // Each frame moves a little from the previous one (as overlapping STFT frames do), so the bounds from the
        // previous frame usually hold; now and then a bin jumps by 100 dB to break them. Values repeat (ties).
        Random random = new Random(8);
        for (double quantile : new double[] {0.02, 0.05, 0.2}) {
            SpectralContrast contrast = SpectralContrast.create(22050, 2048, 200, 6, quantile, false);
            SpectralContrast.Scratch scratch = contrast.newScratch();
            double[] magnitude = new double[1025];
            for (int i = 0; i < magnitude.length; i++) {
                magnitude[i] = Math.exp(2 * random.nextGaussian());
            }
            double[] power = new double[1025];
            double[] peak = new double[7];
            double[] valley = new double[7];
            double[] expectedPeak = new double[7];
            double[] expectedValley = new double[7];
            for (int frame = 0; frame < 300; frame++) {
                for (int i = 0; i < magnitude.length; i++) {
                    double factor = random.nextInt(50) == 0 ? Math.exp(random.nextGaussian() * 11.5) : 1.1;
                    magnitude[i] = Math.rint(magnitude[i] * (random.nextBoolean() ? factor : 1 / factor) * 64) / 64;
                    power[i] = magnitude[i] * magnitude[i];
                }
                contrast.peaksAndValleys(power, peak, valley, scratch);
                sortedReference(magnitude, 22050, 2048, 200, 6, quantile, expectedPeak, expectedValley);
                assertThat(peak).containsExactly(expectedPeak, within(1e-12));
                assertThat(valley).containsExactly(expectedValley, within(1e-12));
            }
        }
    }

    @Test
    void quantileCountUsesRintHalfToEven() {
        // Band 3 at 22050/2048 spans [800, 1600] Hz: bins 75..148 plus bin 74 -> 75 bins counted.
        // quantile 0.02 -> rint(1.5) = 2 (half to even), so the valley is the mean of the two smallest values.
        SpectralContrast contrast = SpectralContrast.create(22050, 2048, 200, 6, 0.02, true);
        double[] magnitude = new double[1025];
        Arrays.fill(magnitude, 10.0);
        magnitude[80] = 1.0;
        magnitude[90] = 3.0;
        magnitude[100] = 5.0;
        double[] power = new double[1025];
        for (int i = 0; i < power.length; i++) {
            power[i] = magnitude[i] * magnitude[i];
        }
        double[] peak = new double[7];
        double[] valley = new double[7];
        contrast.peaksAndValleys(power, peak, valley, contrast.newScratch());
        assertThat(valley[3]).isCloseTo(2.0, within(1e-12));
        assertThat(peak[3]).isCloseTo(10.0, within(1e-12));
    }

    @Test
    void linearAndDbOutputs() {
        double[][] peaks = {{4.0, 1.0}, {2.0, 1.0}};
        double[][] valleys = {{1.0, 1.0}, {0.5, 0.0}};
        SpectralContrast linear = SpectralContrast.create(22050, 2048, 200, 1, 0.02, true);
        assertThat(linear.contrast(peaks, valleys)[0]).containsExactly(3f, 0f);
        SpectralContrast db = SpectralContrast.create(22050, 2048, 200, 1, 0.02, false);
        float[][] out = db.contrast(peaks, valleys);
        // power_to_db of the valleys floors at max(0 dB) - 80 = -80 dB, so the zero valley counts as -80 dB.
        assertThat((double) out[0][0]).isCloseTo(10 * Math.log10(4), within(1e-5));
        assertThat((double) out[1][0]).isCloseTo(10 * Math.log10(4), within(1e-5));
        assertThat((double) out[1][1]).isCloseTo(80.0, within(1e-5));
    }

    @Test
    void bandsAboveNyquistOrWithoutBinsAreRejected() {
        assertThatThrownBy(() -> SpectralContrast.create(8000, 2048, 200, 6, 0.02, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Frequency band exceeds Nyquist. Reduce either fmin or n_bands.");
        assertThatThrownBy(() -> SpectralContrast.create(22050, 64, 20, 3, 0.02, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds a single FFT bin at n_fft=64");
    }
}
