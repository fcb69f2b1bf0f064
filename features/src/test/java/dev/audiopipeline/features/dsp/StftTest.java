package dev.audiopipeline.features.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

class StftTest {

    /** Plain O(n^2) DFT power of the centred, windowed frame t: the definition librosa's stft follows. */
    private static double[] naivePower(float[] y, int t, int nFft, int hop, int winLength) {
        double[] window = new double[nFft];
        int offset = (nFft - winLength) / 2;
        for (int i = 0; i < winLength; i++) {
            window[offset + i] = winLength == 1 ? 1.0 : 0.5 - 0.5 * Math.cos(2 * Math.PI * i / winLength);
        }
        int start = t * hop - nFft / 2;
        double[] power = new double[1 + nFft / 2];
        for (int k = 0; k < power.length; k++) {
            double re = 0;
            double im = 0;
            for (int n = 0; n < nFft; n++) {
                int index = start + n;
                double x = index >= 0 && index < y.length ? y[index] * window[n] : 0.0;
                re += x * Math.cos(2 * Math.PI * k * n / nFft);
                im -= x * Math.sin(2 * Math.PI * k * n / nFft);
            }
            power[k] = re * re + im * im;
        }
        return power;
    }

    @ParameterizedTest(name = "n_fft {0}, hop {1}, win {2}")
    @CsvSource({"2048, 512, 2048", "512, 128, 400", "15, 4, 15", "9, 3, 6", "64, 16, 64", "100, 25, 81"})
    void matchesTheDefinitionForEvenAndOddSizes(int nFft, int hop, int winLength) {
        Random random = new Random(nFft);
        float[] y = new float[nFft * 3 + 7];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) random.nextGaussian();
        }
        Stft stft = new Stft(nFft, hop, winLength, true);
        Stft.Plan plan = stft.newPlan();
        int frames = stft.frameCount(y.length);
        assertThat(frames).isEqualTo(1 + (y.length + 2 * (nFft / 2) - nFft) / hop);
        double[] power = new double[stft.nBins()];
        for (int t : new int[] {0, 1, frames / 2, frames - 1}) {
            plan.powerSpectrum(y, t, power);
            double[] expected = naivePower(y, t, nFft, hop, winLength);
            double scale = 0;
            for (double v : expected) {
                scale = Math.max(scale, v);
            }
            for (int k = 0; k < expected.length; k++) {
                assertThat(power[k]).as("frame %d bin %d", t, k).isCloseTo(expected[k], within(1e-9 * scale));
            }
        }
    }

    @Test
    void hannWindowIsPeriodic() {
        double[] w = HannWindow.periodic(4, 4);
        assertThat(w).containsExactly(new double[] {0.0, 0.5, 1.0, 0.5}, within(1e-15));
        double[] padded = HannWindow.periodic(4, 8);
        assertThat(padded).containsExactly(new double[] {0, 0, 0.0, 0.5, 1.0, 0.5, 0, 0}, within(1e-15));
    }

    @Test
    void jtransformsRunsSingleThreadedEvenForLargeSizes() {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        FrameFft large = new JTransformsFft(65536);
        assertThat(ConcurrencyUtils.getNumberOfThreads()).isEqualTo(1);
        Random random = new Random(1);
        double[] frame = new double[65536];
        double[] power = new double[65536 / 2 + 1];
        for (int t = 0; t < 4; t++) {
            for (int i = 0; i < frame.length; i++) {
                frame[i] = random.nextGaussian();
            }
            large.power(frame, power);
        }
        Set<Thread> after = new HashSet<>(Thread.getAllStackTraces().keySet());
        after.removeAll(before);
        after.removeIf(thread -> !thread.isAlive());
        assertThat(after).as("threads started by the FFT").isEmpty();
    }
}
