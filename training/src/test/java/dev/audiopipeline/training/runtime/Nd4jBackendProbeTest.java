package dev.audiopipeline.training.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Nd4jBackendProbeTest {

    @Test
    void nativeCpuBackendLoadsAndMultiplies() {
        Nd4jBackendProbe.Result result = Nd4jBackendProbe.run();
        assertThat(result.ok()).as(result.detail()).isTrue();
        assertThat(result.detail()).startsWith("CpuBackend");
    }
}
