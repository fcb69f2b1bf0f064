package dev.audiopipeline.features.augment;

import static dev.audiopipeline.features.augment.Signals.SAMPLE_RATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SincResamplerTest {

    private static final int N = 20_000;
    /** Output samples this far from either end see the whole kernel (24 zero crossings at cutoff >= 0.45). */
    private static final int EDGE = 120;

    /**
     * A tone in the passband comes out as the same tone sampled at the new times {@code j / ratio}: the error
     * against the exact values bounds ripple, phase error and kernel interpolation together.
     */
    @ParameterizedTest(name = "ratio {0}, {1} Hz")
    @CsvSource({"0.8409, 1000, 3e-5", "0.8409, 7000, 3e-5", "1.1892, 1000, 3e-5", "1.1892, 8500, 1.5e-4",
            "0.5, 3000, 3e-5", "1.0, 440, 3e-5"})
    void reproducesPassbandTonesAtTheNewSampleTimes(double ratio, double frequency, double tolerance) {
        double[] x = Signals.sine(frequency, 1.0, N);
        int outLength = (int) Math.ceil(N * ratio);
        double[] y = SincResampler.resample(x, ratio, outLength);
        assertThat(y).hasSize(outLength);
        double worst = 0;
        for (int j = EDGE; j < outLength - EDGE; j++) {
            double exact = Math.sin(2 * Math.PI * frequency * (j / ratio) / SAMPLE_RATE);
            worst = Math.max(worst, Math.abs(y[j] - exact));
        }
        assertThat(worst).isLessThan(tolerance);
    }

    /** Downsampling removes what lies above the new Nyquist frequency instead of folding it down. */
    @ParameterizedTest(name = "ratio {0}, {1} x input Nyquist")
    @CsvSource({"0.8409, 0.95", "0.8409, 0.86", "0.5, 0.6", "0.5, 0.9"})
    void attenuatesWhatWouldAliasByAtLeast90Db(double ratio, double fractionOfNyquist) {
        double[] x = Signals.sine(fractionOfNyquist * SAMPLE_RATE / 2, 1.0, N);
        int outLength = (int) Math.ceil(N * ratio);
        double[] y = SincResampler.resample(x, ratio, outLength);
        double level = Signals.rms(y, EDGE, outLength - EDGE) / Signals.rms(x);
        assertThat(20 * Math.log10(level)).isLessThan(-90);
    }

    @Test
    void outputBeyondTheInputIsZeroAndLengthIsAsAsked() {
        double[] x = Signals.sine(500, 1.0, 1000);
        double[] y = SincResampler.resample(x, 1.25, 2000);
        assertThat(y).hasSize(2000);
        // input time j / 1.25 > 999 + kernel half-width (24 / 0.9 = 27 samples)
        for (int j = (int) Math.ceil((999 + 27) * 1.25) + 1; j < 2000; j++) {
            assertThat(y[j]).isEqualTo(0.0);
        }
        assertThat(SincResampler.resample(x, 0.9, 0)).isEmpty();
        assertThat(SincResampler.resample(new double[0], 0.9, 10)).containsOnly(0.0);
    }

    @Test
    void keepsTheLevelOfAConstantAwayFromTheEdges() {
        double[] x = new double[3000];
        java.util.Arrays.fill(x, 0.25);
        double[] y = SincResampler.resample(x, 0.8409, 2500);
        for (int j = EDGE; j < 2500 - EDGE; j++) {
            assertThat(y[j]).isCloseTo(0.25, within(1e-5));
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> SincResampler.resample(new double[10], 0.0, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ratio");
        assertThatThrownBy(() -> SincResampler.resample(new double[10], 1.0, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outLength");
    }
}
