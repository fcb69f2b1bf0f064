package dev.audiopipeline.features.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PowerToDbTest {

    @Test
    void zerosBecomeMinus100DbWithAmin1eMinus10() {
        float[][] values = {{0f, 0f}, {0f, 0f}};
        new PowerToDb(1.0, 1e-10, 80.0).applyInPlace(values);
        assertThat(values[0]).containsExactly(-100f, -100f);
        assertThat(values[1]).containsExactly(-100f, -100f);
    }

    @Test
    void floorIsRelativeToTheMaximumOfTheWholeArray() {
        // max 1.0 -> 0 dB; 1e-9 -> -90 dB floored to -80; 1e-3 -> -30 dB; ref 10 subtracts 10 dB everywhere.
        float[][] values = {{1f, 1e-9f}, {1e-3f, 0f}};
        new PowerToDb(1.0, 1e-10, 80.0).applyInPlace(values);
        assertThat(values[0][0]).isEqualTo(0f);
        assertThat(values[0][1]).isEqualTo(-80f);
        assertThat((double) values[1][0]).isCloseTo(-30, within(1e-5));
        assertThat(values[1][1]).isEqualTo(-80f);

        float[][] refTen = {{1f, 1e-9f}};
        new PowerToDb(10.0, 1e-10, null).applyInPlace(refTen);
        assertThat((double) refTen[0][0]).isCloseTo(-10, within(1e-6));
        assertThat((double) refTen[0][1]).isCloseTo(-100, within(1e-4)); // no floor with top_db None
    }

    @Test
    void rowsOfDifferentLengthsAndTheWholeRangeMatchMathLog10() {
        float[][] values = {{2f, 0.5f, 1e-12f}, {Float.MAX_VALUE, Float.MIN_VALUE, 1e-10f, 3e7f, 0f, 1f},
            {7.5f}};
        float[][] expected = new float[values.length][];
        for (int t = 0; t < values.length; t++) {
            expected[t] = new float[values[t].length];
            for (int i = 0; i < values[t].length; i++) {
                expected[t][i] = (float) (10 * Math.log10(Math.max(1e-10, values[t][i])) - 10 * Math.log10(2.0));
            }
        }
        new PowerToDb(2.0, 1e-10, null).applyInPlace(values);
        for (int t = 0; t < values.length; t++) {
            for (int i = 0; i < values[t].length; i++) {
                assertThat((double) values[t][i]).isCloseTo(expected[t][i], within(1e-4));
            }
        }
    }
}
