package dev.audiopipeline.features.dsp;

import static dev.audiopipeline.features.TestArrays.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DeltaTest {

    @Test
    void deltaOfALinearRampIsItsSlopeEverywhereIncludingTheEdges() {
        double[] ramp = new double[20];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = 3.0 - 0.75 * i;
        }
        float[][] delta = Delta.compute(column(ramp), 9);
        for (float[] row : delta) {
            assertThat((double) row[0]).isCloseTo(-0.75, within(1e-6));
        }
    }

    @Test
    void matchesScipySavgolInterpOnAParabola() {
        // scipy.signal.savgol_filter(t**2 for t in 0..11, 9, polyorder=1, deriv=1, mode='interp')
        // = [8, 8, 8, 8, 8, 10, 12, 14, 14, 14, 14, 14]
        float[][] delta = Delta.compute(column(0, 1, 4, 9, 16, 25, 36, 49, 64, 81, 100, 121), 9);
        double[] expected = {8, 8, 8, 8, 8, 10, 12, 14, 14, 14, 14, 14};
        for (int t = 0; t < expected.length; t++) {
            assertThat((double) delta[t][0]).as("frame %d", t).isCloseTo(expected[t], within(1e-5));
        }
    }

    @Test
    void matchesScipySavgolInterpOnAnIrregularSeries() {
        double[] y = {3, -1, 4, 1, -5, 9, 2, 6, -5, 3, 5};
        // scipy.signal.savgol_filter(y, 9, polyorder=1, deriv=1, mode='interp')
        // = [-7/60 x5, 6/60, 7/60 x5]
        double[] width9 = {-7 / 60.0, -7 / 60.0, -7 / 60.0, -7 / 60.0, -7 / 60.0, 0.1, 7 / 60.0, 7 / 60.0,
            7 / 60.0, 7 / 60.0, 7 / 60.0};
        // ... and with width 5: [-1.4, -1.4, -1.4, 1.1, 0.4, 1.7, -0.3, -1.9, 0.3, 0.3, 0.3]
        double[] width5 = {-1.4, -1.4, -1.4, 1.1, 0.4, 1.7, -0.3, -1.9, 0.3, 0.3, 0.3};
        float[][] d9 = Delta.compute(column(y), 9);
        float[][] d5 = Delta.compute(column(y), 5);
        for (int t = 0; t < y.length; t++) {
            assertThat((double) d9[t][0]).as("width 9, frame %d", t).isCloseTo(width9[t], within(1e-6));
            assertThat((double) d5[t][0]).as("width 5, frame %d", t).isCloseTo(width5[t], within(1e-6));
        }
    }

    @Test
    void rejectsWhatLibrosaRejects() {
        assertThatThrownBy(() -> Delta.compute(column(1, 2, 3, 4, 5), 9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("width=9 cannot exceed the number of frames=5");
        assertThatThrownBy(() -> Delta.compute(column(1, 2, 3, 4, 5), 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("odd integer >= 3");
    }
}
