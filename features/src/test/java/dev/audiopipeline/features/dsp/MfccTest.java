package dev.audiopipeline.features.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MfccTest {

    @Test
    void foldedProductEqualsThePlainOrthonormalDct() {
        Random random = new Random(9);
        for (int nMels : new int[] {1, 2, 7, 40, 127, 128}) {
            for (double lifter : new double[] {0.0, 22.0}) {
                int nMfcc = Math.min(13, nMels);
                Mfcc mfcc = new Mfcc(nMfcc, nMels, lifter);
                float[][] logMel = new float[7][nMels]; // a block of four frames and three one by one
                for (float[] row : logMel) {
                    for (int m = 0; m < nMels; m++) {
                        row[m] = (float) (random.nextGaussian() * 20 - 40);
                    }
                }
                float[][] out = new float[7][nMfcc];
                mfcc.apply(logMel, out);
                float[][] alone = new float[1][nMfcc];
                mfcc.apply(new float[][] {logMel[1]}, alone); // frame 1 went in a block of four above
                assertThat(out[1]).containsExactly(alone[0]);
                for (int t = 0; t < 7; t++) {
                    for (int k = 0; k < nMfcc; k++) {
                        double expected = 0;
                        for (int m = 0; m < nMels; m++) {
                            expected += Math.cos(Math.PI * k * (2 * m + 1) / (2.0 * nMels)) * logMel[t][m];
                        }
                        expected *= Math.sqrt((k == 0 ? 1.0 : 2.0) / nMels);
                        if (lifter > 0) {
                            expected *= 1 + lifter / 2 * Math.sin(Math.PI * (k + 1) / lifter);
                        }
                        assertThat((double) out[t][k]).as("n_mels %d lifter %s frame %d k %d", nMels, lifter, t, k)
                                .isCloseTo(expected, within(1e-5 * Math.max(1, Math.abs(expected))));
                    }
                }
            }
        }
    }
}
