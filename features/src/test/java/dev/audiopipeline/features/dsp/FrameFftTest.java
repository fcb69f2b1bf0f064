package dev.audiopipeline.features.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameFftTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(FrameFft.PROPERTY);
    }

    @Test
    void theTestJvmHasTheVectorApiSoTheVectorFftIsWhatRuns() {
        // Surefire starts the tests with --add-modules=jdk.incubator.vector, as the launcher starts jobs.
        assertThat(FrameFft.vectorApiUsable()).as(VectorApiProbe.reason() + "").isTrue();
        assertThat(FrameFft.create(2048)).isInstanceOf(VectorRealFft.class);
        assertThat(FrameFft.create(4096)).isInstanceOf(VectorRealFft.class);
    }

    @Test
    void lengthsTheVectorFftDoesNotTakeFallBackToJTransforms() {
        assertThat(FrameFft.create(2000)).isInstanceOf(JTransformsFft.class);
        assertThat(FrameFft.create(15)).isInstanceOf(JTransformsFft.class);
        assertThat(FrameFft.create(8)).isInstanceOf(JTransformsFft.class);
    }

    @Test
    void thePropertyChoosesTheImplementation() {
        System.setProperty(FrameFft.PROPERTY, "jtransforms");
        assertThat(FrameFft.create(2048)).isInstanceOf(JTransformsFft.class);
        System.setProperty(FrameFft.PROPERTY, "Vector");
        assertThat(FrameFft.create(2048)).isInstanceOf(VectorRealFft.class);
        System.setProperty(FrameFft.PROPERTY, "fastest");
        assertThatThrownBy(() -> FrameFft.create(2048))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("audiopipeline.fft")
                .hasMessageContaining("'fastest'");
    }

    /** Power and packed spectra of the two implementations agree to a few ulps of the frame's largest value. */
    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 65536})
    void vectorFftMatchesJTransforms(int n) {
        Random random = new Random(n);
        FrameFft vector = new VectorRealFft(n);
        FrameFft reference = new JTransformsFft(n);
        for (int trial = 0; trial < 3; trial++) {
            double[] frame = new double[n];
            for (int i = 0; i < n; i++) {
                // noise plus a strong tone: bins spanning many orders of magnitude, as in music
                frame[i] = random.nextGaussian() * 1e-3 + Math.sin(2 * Math.PI * 0.1234 * i) * (trial + 1);
            }
            double[] expectedPower = new double[n / 2 + 1];
            double[] power = new double[n / 2 + 1];
            reference.power(frame.clone(), expectedPower);
            vector.power(frame.clone(), power);
            double peak = 0;
            for (double v : expectedPower) {
                peak = Math.max(peak, v);
            }
            for (int k = 0; k <= n / 2; k++) {
                assertThat(power[k]).as("n %d bin %d", n, k).isCloseTo(expectedPower[k], within(1e-14 * peak));
            }
            double[] expectedPacked = frame.clone();
            double[] packed = frame.clone();
            reference.packed(expectedPacked);
            vector.packed(packed);
            double amplitude = Math.sqrt(peak);
            for (int i = 0; i < n; i++) {
                assertThat(packed[i]).as("n %d packed[%d]", n, i).isCloseTo(expectedPacked[i],
                        within(1e-14 * amplitude));
            }
        }
    }

    /** The windowing fused into the vector FFT's first stage gives what windowing first gives. */
    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {16, 512, 2048, 4096})
    void windowedPowerMatchesWindowingFirst(int n) {
        Random random = new Random(-n);
        float[] y = new float[3 * n];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) random.nextGaussian();
        }
        double[] window = HannWindow.periodic(n, n);
        int start = n / 2 + 3;
        double[] windowed = new double[n];
        for (int i = 0; i < n; i++) {
            windowed[i] = window[i] * y[start + i];
        }
        double[] expected = new double[n / 2 + 1];
        new JTransformsFft(n).power(windowed, expected);
        double peak = Arrays.stream(expected).max().orElseThrow();
        for (FrameFft fft : new FrameFft[] {new VectorRealFft(n), new JTransformsFft(n)}) {
            double[] power = new double[n / 2 + 1];
            fft.windowedPower(y, start, window, new double[n], power);
            for (int k = 0; k <= n / 2; k++) {
                assertThat(power[k]).as("%s bin %d", fft.getClass().getSimpleName(), k)
                        .isCloseTo(expected[k], within(1e-14 * peak));
            }
        }
    }

    @Test
    void vectorFftIsExactOnSimpleInputs() {
        int n = 64;
        VectorRealFft fft = new VectorRealFft(n);
        double[] power = new double[n / 2 + 1];
        double[] impulse = new double[n];
        impulse[0] = 1.0;
        fft.power(impulse, power);
        for (int k = 0; k <= n / 2; k++) {
            assertThat(power[k]).as("impulse bin %d", k).isCloseTo(1.0, within(1e-15));
        }
        double[] cosine = new double[n];
        for (int i = 0; i < n; i++) {
            cosine[i] = Math.cos(2 * Math.PI * 5 * i / n);
        }
        fft.power(cosine, power);
        for (int k = 0; k <= n / 2; k++) {
            assertThat(power[k]).as("cosine bin %d", k).isCloseTo(k == 5 ? (n / 2.0) * (n / 2.0) : 0.0,
                    within(1e-20 + 1e-12 * n * n));
        }
    }

    @Test
    void vectorFftRejectsLengthsItCannotTake() {
        assertThatThrownBy(() -> new VectorRealFft(2000)).hasMessageContaining("power of two >= 16, got 2000");
        assertThatThrownBy(() -> new VectorRealFft(8)).hasMessageContaining("got 8");
    }
}
