package dev.audiopipeline.features.resample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PolyphaseFilterBankTest {

    private static final ResamplerQuality VHQ = ResampleType.SOXR_VHQ.quality();

    @Test
    void commonRatesGetAnExactTableAndAreShared() {
        PolyphaseFilterBank bank = PolyphaseFilterBank.forRatio(new RateRatio(48000, 22050), VHQ);
        assertThat(bank.isInterpolated()).isFalse();
        assertThat(bank.up()).isEqualTo(147);
        assertThat(bank.down()).isEqualTo(320);
        assertThat(bank.rows()).isEqualTo(147);
        // Same reduced ratio, same table instance.
        assertThat(PolyphaseFilterBank.forRatio(new RateRatio(96000, 44100), VHQ)).isSameAs(bank);
    }

    @Test
    void exactRowsAreTheKernelAtTheirPhase() {
        PolyphaseFilterBank bank = PolyphaseFilterBank.forRatio(new RateRatio(16000, 22050), VHQ);
        LowpassKernel h = bank.kernel();
        for (int p = 0; p < bank.up(); p += 37) {
            double[] c = bank.effectiveCoefficients(p);
            for (int i = 0; i < bank.taps(); i++) {
                double expected = h.at((double) p / bank.up() + bank.halfTaps() - 1 - i);
                assertThat(c[i]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-7));
            }
        }
    }

    /** The linear interpolation between table rows adds a coefficient error of about 1e-7 (measured 1.1e-7 including the float32 rounding). */
    @Test
    void interpolatedTableStaysCloseToTheKernel() {
        PolyphaseFilterBank bank = PolyphaseFilterBank.forRatio(new RateRatio(22050, 22051), VHQ);
        assertThat(bank.isInterpolated()).isTrue();
        LowpassKernel h = bank.kernel();
        Random random = new Random(1);
        double maxError = 0;
        double maxSumError = 0;
        for (int k = 0; k < 200; k++) {
            int p = random.nextInt(bank.up());
            double[] c = bank.effectiveCoefficients(p);
            double sumError = 0;
            for (int i = 0; i < bank.taps(); i++) {
                double e = c[i] - h.at((double) p / bank.up() + bank.halfTaps() - 1 - i);
                maxError = Math.max(maxError, Math.abs(e));
                sumError += Math.abs(e);
            }
            maxSumError = Math.max(maxSumError, sumError);
        }
        System.out.printf("22050 -> 22051: %d phases, max coefficient error %.2e, max sum |error| %.2e%n",
                bank.rows() - 1, maxError, maxSumError);
        assertThat(maxError).isLessThan(1.5e-7);
        assertThat(maxSumError).isLessThan(1e-5);
    }

    @Test
    void everyPhaseHasUnitDcGain() {
        PolyphaseFilterBank bank = PolyphaseFilterBank.forRatio(new RateRatio(44100, 48000), VHQ);
        for (int p = 0; p < bank.up(); p++) {
            double sum = 0;
            for (double c : bank.effectiveCoefficients(p)) {
                sum += c;
            }
            assertThat(sum).as("phase %d", p).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    @Test
    void refusesAnIdentityRatio() {
        assertThatThrownBy(() -> PolyphaseFilterBank.forRatio(new RateRatio(8000, 8000), VHQ))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("8000");
    }
}
