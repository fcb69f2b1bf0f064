package dev.audiopipeline.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParameterRuleTest {

    @Test
    void describesAndChecksRangesWithTheirBounds() {
        ParameterRule<Double> open = ParameterRule.between("q", 0, false, 1, false);
        assertThat(open.expectation()).isEqualTo("in (0, 1)");
        assertThat(open.accepts(0.0)).isFalse();
        assertThat(open.accepts(0.5)).isTrue();
        assertThat(open.accepts(1.0)).isFalse();
        ParameterRule<Double> halfOpen = ParameterRule.between("t", -0.5, true, 0.5, false);
        assertThat(halfOpen.expectation()).isEqualTo("in [-0.5, 0.5)");
        assertThat(halfOpen.accepts(-0.5)).isTrue();
        assertThat(ParameterRule.intIn("n", 16, 65_536).expectation()).isEqualTo("in [16, 65536]");
    }

    @Test
    void numbersMustBeFiniteAndNullIsNeverAccepted() {
        ParameterRule<Double> any = ParameterRule.finite("x");
        assertThat(any.accepts(Double.NaN)).isFalse();
        assertThat(any.accepts(Double.POSITIVE_INFINITY)).isFalse();
        assertThat(any.accepts(null)).isFalse();
        assertThatThrownBy(() -> ParameterRule.positive("gain").require(Double.NEGATIVE_INFINITY))
                .hasMessage("gain must be finite, got -Infinity");
    }

    @Test
    void anErrorNamesTheParameterTheExpectationAndTheValueAndCarriesItsRule() {
        ParameterRule<Integer> hop = ParameterRule.positiveInt("hop_length");
        assertThat(hop.require(512)).isEqualTo(512);
        assertThatThrownBy(() -> hop.require(-5))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e).hasMessage("hop_length must be > 0, got -5");
                    assertThat(e.rule()).isSameAs(hop);
                    assertThat(e.parameter()).isEqualTo("hop_length");
                });
    }
}
