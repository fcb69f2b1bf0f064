package dev.audiopipeline.features.resample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kernels under the fast engine: the FFT filter is a circular convolution, and the Vector API kernels and their
 * scalar twins give the same bits, so a JVM without {@code jdk.incubator.vector} resamples identically.
 */
class ResamplerKernelsTest {

    @ParameterizedTest(name = "m = {0}")
    @ValueSource(ints = {16, 32, 64, 128, 256, 1024, 4096, 8192})
    void fftFilterIsTheCircularConvolutionAndBothKernelsAgreeBitForBit(int m) {
        Random random = new Random(m);
        int c = Math.min(m / 2 - 1, 60);
        double[] h = new double[c + 1];
        for (int t = 0; t <= c; t++) {
            h[t] = random.nextGaussian() / (1 + t);
        }
        FftFilterPlan plan = new FftFilterPlan(m, h);
        float[] re = new float[m];
        float[] im = new float[m];
        for (int i = 0; i < m; i++) {
            re[i] = (float) random.nextGaussian();
            im[i] = (float) random.nextGaussian();
        }
        float[] vr = re.clone();
        float[] vi = im.clone();
        float[] sr = re.clone();
        float[] si = im.clone();
        VectorFftFilter.filter(plan, vr, vi);
        ScalarFftFilter.filter(plan, sr, si);

        double error = 0;
        double peak = 0;
        for (int i = 0; i < m; i++) {
            double er = 0;
            double ei = 0;
            for (int t = -c; t <= c; t++) {
                int k = Math.floorMod(i - t, m);
                er += h[Math.abs(t)] * re[k];
                ei += h[Math.abs(t)] * im[k];
            }
            error = Math.max(error, Math.hypot(er - vr[i], ei - vi[i]));
            peak = Math.max(peak, Math.hypot(er, ei));
        }
        assertThat(error / peak).isLessThan(5e-7);
        assertThat(bits(vr)).containsExactly(bits(sr));
        assertThat(bits(vi)).containsExactly(bits(si));
    }

    /**
     * The plan's shortcuts: folded ({@code d} = 2, 4, 8), the outputs are every d-th point of the circular
     * convolution; unfolded, the input is a zero-stuffed signal given by its even points. Both kernels, same bits.
     */
    @ParameterizedTest(name = "m = {0}")
    @ValueSource(ints = {16, 64, 256, 1024, 8192})
    void foldedAndUnfoldedPlansComputeTheirShareOfTheConvolution(int m) {
        Random random = new Random(m + 1);
        int c = Math.min(m / 2 - 1, 60);
        double[] h = new double[c + 1];
        for (int t = 0; t <= c; t++) {
            h[t] = random.nextGaussian() / (1 + t);
        }
        for (int variant = 0; variant < 4; variant++) {
            int fold = variant == 3 ? 1 : 2 << variant;
            boolean unfold = variant == 3;
            if (m / fold < 8) {
                continue;
            }
            FftFilterPlan plan = new FftFilterPlan(m, h, fold, unfold);
            float[] re = new float[m];
            float[] im = new float[m];
            for (int i = 0; i < (unfold ? m / 2 : m); i++) {
                re[i] = (float) random.nextGaussian();
                im[i] = (float) random.nextGaussian();
            }
            // The signal the convolution sees: the input itself, or its zero-stuffed version.
            double[] ur = new double[m];
            double[] ui = new double[m];
            for (int i = 0; i < m; i++) {
                ur[i] = unfold ? (i % 2 == 0 ? re[i / 2] : 0) : re[i];
                ui[i] = unfold ? (i % 2 == 0 ? im[i / 2] : 0) : im[i];
            }
            float[] vr = re.clone();
            float[] vi = im.clone();
            float[] sr = re.clone();
            float[] si = im.clone();
            VectorFftFilter.filter(plan, vr, vi);
            ScalarFftFilter.filter(plan, sr, si);

            int outputs = m / fold;
            double error = 0;
            double peak = 0;
            for (int n = 0; n < outputs; n++) {
                double er = 0;
                double ei = 0;
                for (int t = -c; t <= c; t++) {
                    int k = Math.floorMod(n * fold - t, m);
                    er += h[Math.abs(t)] * ur[k];
                    ei += h[Math.abs(t)] * ui[k];
                }
                error = Math.max(error, Math.hypot(er - vr[n], ei - vi[n]));
                peak = Math.max(peak, Math.hypot(er, ei));
            }
            assertThat(error / peak).as("fold %d, unfold %s", fold, unfold).isLessThan(5e-7);
            assertThat(bits(Arrays.copyOf(vr, outputs))).containsExactly(bits(Arrays.copyOf(sr, outputs)));
            assertThat(bits(Arrays.copyOf(vi, outputs))).containsExactly(bits(Arrays.copyOf(si, outputs)));
        }
    }

    @Test
    void dotProductKernelsAgreeBitForBit() {
        Random random = new Random(3);
        float[] c = new float[64 * 40];
        float[] x = new float[5000];
        for (int i = 0; i < c.length; i++) {
            c[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        for (int taps : new int[] {8, 16, 24, 40}) {
            int count = 200;
            int[] rows = new int[count];
            int[] starts = new int[count];
            for (int k = 0; k < count; k++) {
                rows[k] = random.nextInt(60) * taps;
                starts[k] = random.nextInt(x.length - taps);
            }
            float[] vector = new float[count + 1];
            float[] scalar = new float[count + 1];
            VectorDot.dots(c, rows, x, starts, count, taps, vector, 1, new float[32]);
            ScalarDot.dots(c, rows, x, starts, count, taps, scalar, 1, new float[32]);
            assertThat(bits(vector)).containsExactly(bits(scalar));
            for (int k = 0; k < count; k++) {
                double exact = 0;
                for (int i = 0; i < taps; i++) {
                    exact += (double) c[rows[k] + i] * x[starts[k] + i];
                }
                assertThat((double) vector[1 + k]).isCloseTo(exact, org.assertj.core.data.Offset.offset(1e-5 * taps));
            }
        }
    }

    /**
     * Eight outputs per vector ({@link PolyphaseGroups}): both kernels give the same bits, and every lane the bits
     * of that output computed on its own, so grouping never changes a result.
     */
    @ParameterizedTest(name = "{0}/{1}, {2} taps")
    @org.junit.jupiter.params.provider.CsvSource({"147, 320, 16", "441, 640, 16", "441, 320, 24", "160, 147, 8"})
    void polyphaseGroupsGiveEachOutputsOwnBits(int up, int down, int taps) {
        Random random = new Random(up * 31 + down);
        float[] rows = new float[up * taps];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (float) random.nextGaussian();
        }
        PolyphaseGroups groups = new PolyphaseGroups(up, down, taps, rows);
        float[] x = new float[20_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        int count = 40;
        int phase = random.nextInt(up);
        float[] vector = new float[8 * count];
        float[] scalar = new float[8 * count];
        VectorDot.groups(groups, x, 5, phase, count, vector, 0);
        ScalarDot.groups(groups, x, 5, phase, count, scalar, 0);
        assertThat(bits(vector)).containsExactly(bits(scalar));
        long start = 5;
        int p = phase;
        for (int j = 0; j < 8 * count; j++) {
            assertThat(Float.floatToRawIntBits(vector[j])).as("output %d", j)
                    .isEqualTo(Float.floatToRawIntBits(groups.single(x, (int) start, p)));
            start += (p + down) / up;
            p = (p + down) % up;
        }
    }

    /** Run in the child JVM: hashes of resampled noise for a few pairs, and which kernels ran. */
    public static void main(String[] args) {
        System.out.println("vector " + VectorSupport.ENABLED);
        System.out.println("hashes " + hashes());
    }

    private static String hashes() {
        StringBuilder text = new StringBuilder();
        int[][] pairs = {{44100, 22050}, {48000, 22050}, {96000, 22050}, {88200, 22050}, {16000, 22050},
            {11025, 22050}, {22050, 22051}};
        for (int[] pair : pairs) {
            Random random = new Random(pair[0]);
            float[] x = new float[pair[0]];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) (random.nextGaussian() * 0.3);
            }
            float[] y = StreamingResampler.resample(x, pair[0], pair[1], ResampleType.SOXR_HQ);
            text.append(Arrays.hashCode(bits(y))).append(' ');
        }
        return text.toString().trim();
    }

    @Test
    void aJvmWithoutTheVectorModuleResamplesIdentically() throws IOException, InterruptedException {
        assertThat(VectorSupport.ENABLED).isTrue(); // surefire adds the module
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                ResamplerKernelsTest.class.getName()))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("vector false").contains("hashes " + hashes());
    }

    private static int[] bits(float[] x) {
        int[] b = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            b[i] = Float.floatToRawIntBits(x[i]);
        }
        return b;
    }
}
