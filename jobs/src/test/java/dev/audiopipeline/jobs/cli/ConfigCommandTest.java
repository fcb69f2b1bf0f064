package dev.audiopipeline.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.jobs.config.SettingsFileWriter;
import org.junit.jupiter.api.Test;

class ConfigCommandTest {

    @Test
    void defaultsPrintTheGeneratedFile() {
        CliRun run = CliRun.of("config", "--defaults");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(SettingsFileWriter.defaultsFile());
    }

    @Test
    void showsEffectiveValuesAndTheirSource() {
        CliRun run = CliRun.of("config", "--conf", "features.n-mels=64", "--conf", "spark.executor.memory=2g");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("features.n-mels = 64\n#   (set by --conf)")
                .contains("features.n-fft = 2048\n")
                .contains("spark.executor.memory = 2g");
    }

    @Test
    void badSettingExitsTwoNamingTheKey() {
        CliRun run = CliRun.of("config", "--conf", "features.n-mels=-3");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).isEqualTo(1);
        assertThat(run.err()).contains("setting 'features.n-mels': '-3' is invalid, must be in [1, 1024]");
    }
}
