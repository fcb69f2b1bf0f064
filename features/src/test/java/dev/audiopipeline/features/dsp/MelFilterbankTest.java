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

    @Test
    void fourFramesAtOnceEqualTheDenseProductOfEachFrame() {
        Random random = new Random(5);
        for (int[] shape : new int[][] {{22050, 2048, 128}, {8000, 512, 40}, {44100, 4096, 96}}) {
            MelFilterbank bank = MelFilterbank.create(shape[0], shape[1], shape[2], 0.0, shape[0] / 2.0);
            float[][] dense = bank.toDense();
            double[][] spectra = new double[4][bank.nBins()];
            for (double[] spectrum : spectra) {
                for (int k = 0; k < spectrum.length; k++) {
                    spectrum[k] = Math.exp(6 * random.nextGaussian()); // each frame different
                }
            }
            float[][] out = new float[4][bank.nMels()];
            bank.apply4(spectra[0], spectra[1], spectra[2], spectra[3], out[0], out[1], out[2], out[3]);
            for (int f = 0; f < 4; f++) {
                float[] alone = new float[bank.nMels()];
                bank.apply(spectra[f], alone);
                assertThat(out[f]).as("frame %d alone and in a block", f).containsExactly(alone);
                for (int m = 0; m < bank.nMels(); m++) {
                    double expected = 0;
                    for (int k = 0; k < spectra[f].length; k++) {
                        expected += dense[m][k] * spectra[f][k];
                    }
                    assertThat((double) out[f][m]).as("frame %d band %d", f, m)
                            .isCloseTo(expected, within(1e-6 * expected + 1e-30));
                }
            }
        }
    }
}
