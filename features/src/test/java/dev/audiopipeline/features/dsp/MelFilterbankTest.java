package dev.audiopipeline.features.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MelFilterbankTest {

    @Test
    void sparseProductEqualsTheDenseMatrixProduct() {
        Random random = new Random(4);
        for (int[] shape : new int[][] {{22050, 2048, 128}, {16000, 512, 40}, {22050, 256, 128}}) {
            MelFilterbank bank = MelFilterbank.create(shape[0], shape[1], shape[2], 0.0, shape[0] / 2.0);
            float[][] dense = bank.toDense();
            double[] spectrum = new double[bank.nBins()];
            for (int k = 0; k < spectrum.length; k++) {
                spectrum[k] = Math.exp(6 * random.nextGaussian());
            }
            float[] out = new float[bank.nMels()];
            bank.apply(spectrum, out);
            for (int m = 0; m < bank.nMels(); m++) {
                double expected = 0;
                for (int k = 0; k < spectrum.length; k++) {
                    expected += dense[m][k] * spectrum[k];
                }
                assertThat((double) out[m]).isCloseTo(expected, within(1e-6 * expected + 1e-30));
            }
        }
    }
}
