package dev.audiopipeline.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.jobs.ProjectRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** conf/audio-pipeline.properties documents exactly the built-in defaults, every setting, nothing else. */
class ShippedConfigurationTest {

    private static final Path SHIPPED = ProjectRoot.get().resolve("conf/audio-pipeline.properties");

    @Test
    void shippedFileIsTheGeneratedDefaults() throws IOException {
        assertThat(Files.readString(SHIPPED, StandardCharsets.UTF_8))
                .as("conf/audio-pipeline.properties is out of date: regenerate it with "
                        + "'bin/audio-pipeline config --defaults --no-default-config > conf/audio-pipeline.properties'")
                .isEqualTo(SettingsFileWriter.defaultsFile());
    }

    @Test
    void shippedFileParsesToTheDefaultsAndSetsEverySetting() {
        JobConfig shipped = new JobConfigBuilder().file(SHIPPED).build();
        for (Setting<?> setting : Settings.all()) {
            assertThat(shipped.get(setting)).as(setting.key()).isEqualTo(setting.defaultValue());
            assertThat(shipped.sourceOf(setting).kind()).as(setting.key()).isEqualTo(ConfigSource.Kind.FILE);
        }
        assertThat(shipped.sparkProperties()).isEmpty();
    }
}
