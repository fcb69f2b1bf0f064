package dev.audiopipeline.features.resample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class KaiserWindowTest {

    @Test
    void besselI0MatchesKnownValues() {
        // Abramowitz & Stegun table 9.8 / scipy.special.i0.
        assertThat(KaiserWindow.besselI0(0)).isEqualTo(1.0);
        assertThat(KaiserWindow.besselI0(1)).isCloseTo(1.2660658777520082, Offset.offset(1e-15));
        assertThat(KaiserWindow.besselI0(10)).isCloseTo(2815.716628466254, Offset.offset(1e-9));
    }

    @Test
    void windowIsOneAtCentreSymmetricAndZeroOutside() {
        KaiserWindow w = KaiserWindow.forAttenuation(110);
        assertThat(w.beta()).isCloseTo(0.1102 * (110 - 8.7), Offset.offset(1e-12));
        assertThat(w.at(0)).isEqualTo(1.0);
        assertThat(w.at(0.3)).isEqualTo(w.at(-0.3));
        assertThat(w.at(1)).isCloseTo(1 / KaiserWindow.besselI0(w.beta()), Offset.offset(1e-18));
        assertThat(w.at(1.01)).isZero();
    }

    @Test
    void designFormulasFollowKaiser() {
        assertThat(KaiserWindow.betaForAttenuation(30)).isCloseTo(0.5842 * Math.pow(9, 0.4) + 0.07886 * 9,
                Offset.offset(1e-12));
        assertThat(KaiserWindow.betaForAttenuation(20)).isZero();
        assertThat(KaiserWindow.lengthFor(110, 0.0125)).isCloseTo(102.05 / (2.285 * 2 * Math.PI * 0.0125) + 1,
                Offset.offset(1e-9));
        assertThatThrownBy(() -> new KaiserWindow(-1)).hasMessageContaining("-1");
        assertThatThrownBy(() -> KaiserWindow.lengthFor(100, 0.6)).hasMessageContaining("0.6");
    }
}
