package dev.audiopipeline.training.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProbabilityColumnsTest {
    @Test
    void namesAreSafeAndDistinctInLabelOrder() {
        Labels labels = Labels.of("hip-hop", "hip hop", "hip_hop", "música", "a,\"b\"", "<x>");

        assertThat(ProbabilityColumns.names(labels)).containsExactly(
                "prob_hip_hop", "prob_hip_hop_2", "prob_hip_hop_3", "prob_música", "prob_a__b_", "prob__x_");
    }
}
