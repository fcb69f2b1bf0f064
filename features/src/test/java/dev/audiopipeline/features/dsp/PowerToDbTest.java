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
}
