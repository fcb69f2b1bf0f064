package dev.audiopipeline.features.augment;

import static dev.audiopipeline.features.augment.Signals.SAMPLE_RATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.audiopipeline.features.reference.Npy;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TimeStretcherTest {

    private final TimeStretcher stretcher = new TimeStretcher();

    private static float[] resource(String name) throws IOException, URISyntaxException {
        Path path = Paths.get(TimeStretcherTest.class.getResource("/augment/" + name + ".npy").toURI());
        return Npy.read(path).floatVector();
    }

    /** src/test/python/time_stretch_reference.py: librosa's stft/phase_vocoder/istft ported to numpy (float64). */
    @ParameterizedTest(name = "rate {0}")
    @ValueSource(strings = {"0.8", "1.25"})
    void matchesTheNumpyPortOfLibrosa(String rate) throws Exception {
        double[] input = Signals.toDouble(resource("input"));
        float[] expected = resource("stretch_" + rate);
        double[] actual = stretcher.stretch(input, Double.parseDouble(rate));
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            // float32 storage of values up to ~1 rounds by <= 6e-8; the two float64 computations agree far closer
            assertThat(actual[i]).as("sample %d", i).isCloseTo(expected[i], within(2e-7));
        }
    }

    @Test
    void rateOneReconstructsTheInput() {
        Random random = new Random(3);
        double[] y = new double[10_000];
        for (int i = 0; i < y.length; i++) {
            y[i] = random.nextGaussian();
        }
        double[] out = stretcher.stretch(y, 1.0);
        assertThat(out).hasSize(y.length);
        for (int i = 0; i < y.length; i++) {
            assertThat(out[i]).as("sample %d", i).isCloseTo(y[i], within(1e-9));
        }
    }

    @ParameterizedTest(name = "n {0}, rate {1}")
    @CsvSource({"66150, 0.9", "66150, 1.1", "5000, 0.5", "5000, 2.0", "511, 1.3", "1, 0.7", "0, 1.2",
            "10, 4.0", "2050, 0.8"})
    void lengthIsPythonsRoundOfNOverRate(int n, double rate) {
        double[] y = Signals.sine(300, 0.1, n);
        assertThat(stretcher.stretch(y, rate)).hasSize((int) Math.rint(n / rate));
    }

    @Test
    void roundsHalfToEvenAsPythonDoes() {
        assertThat(TimeStretcher.stretchedLength(5, 2.0)).isEqualTo(2);
        assertThat(TimeStretcher.stretchedLength(7, 2.0)).isEqualTo(4);
    }

    @ParameterizedTest(name = "rate {0}")
    @ValueSource(doubles = {0.8, 0.93, 1.07, 1.25})
    void keepsTheFrequencyOfATone(double rate) {
        double[] out = stretcher.stretch(Signals.sine(440, 0.5, Signals.SEGMENT), rate);
        // 1/3 Hz: finer than one bin of the 1.2-1.9 s analysed (0.5-0.8 Hz); the search grid is 0.02 Hz
        double peak = Signals.peakFrequency(out, out.length / 4, 3 * out.length / 4, 440);
        assertThat(peak).isCloseTo(440, within(1.0 / 3));
        // librosa's vocoder has no phase locking: the bins of a tone's main lobe partly cancel, ~1 dB at most
        double level = Signals.rms(out, out.length / 4, 3 * out.length / 4) / (0.5 / Math.sqrt(2));
        assertThat(level).isBetween(0.85, 1.01);
    }

    /** A 1-s burst starting at 0.5 s: after stretching it starts at 0.5/rate s and lasts 1/rate s. */
    @ParameterizedTest(name = "rate {0}")
    @ValueSource(doubles = {0.8, 1.25})
    void scalesTheTimingOfABurstByTheRate(double rate) {
        double[] y = new double[Signals.SEGMENT];
        double[] tone = Signals.sine(440, 0.5, SAMPLE_RATE);
        System.arraycopy(tone, 0, y, SAMPLE_RATE / 2, SAMPLE_RATE);
        double[] out = stretcher.stretch(y, rate);

        int frame = 256;
        double[] envelope = new double[out.length / frame];
        double max = 0;
        for (int f = 0; f < envelope.length; f++) {
            envelope[f] = Signals.rms(out, f * frame, (f + 1) * frame);
            max = Math.max(max, envelope[f]);
        }
        int first = -1;
        int last = -1;
        for (int f = 0; f < envelope.length; f++) {
            if (envelope[f] > max / 2) {
                last = f;
                if (first < 0) {
                    first = f;
                }
            }
        }
        double onset = (first + 0.5) * frame / SAMPLE_RATE;
        double duration = (last - first + 1.0) * frame / SAMPLE_RATE;
        // tolerance: one STFT hop plus one envelope frame (35 ms); the vocoder smears edges over ~a window.
        // The two rates tested differ by 0.225 s in onset and 0.45 s in duration.
        double tolerance = (double) (TimeStretcher.HOP_LENGTH + frame) / SAMPLE_RATE;
        assertThat(onset).isCloseTo(0.5 / rate, within(tolerance));
        assertThat(duration).isCloseTo(1.0 / rate, within(tolerance));
    }

    @Test
    void silenceStaysExactlySilent() {
        assertThat(stretcher.stretch(new double[4000], 0.9)).containsOnly(0.0);
    }

    @Test
    void rejectsRatesThatAreNotPositiveAndFinite() {
        for (double rate : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> stretcher.stretch(new double[100], rate))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate");
        }
    }
}
