package dev.audiopipeline.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.jobs.ProjectRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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

    /**
     * Nothing under conf/ sets a credential (a line or a quoted conf entry whose key the redaction rule finds
     * sensitive, given a value), and the credential-provider examples it shows name classes S3A can load.
     */
    @Test
    void confHoldsNoCredentialAndItsProviderExamplesExist() throws IOException, ClassNotFoundException {
        Pattern assignment = Pattern.compile("^[#\\s]*\"?([A-Za-z0-9_.\\-]+)\"?\\s*[=:]\\s*\"?([^\"#,]*)");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(ProjectRoot.get().resolve("conf"))) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        Set<String> providers = new TreeSet<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher matcher = assignment.matcher(line);
                if (!matcher.find()) {
                    continue;
                }
                String key = matcher.group(1);
                String value = matcher.group(2).strip();
                assertThat(Redaction.defaults().isSensitive(key, "") && !value.isEmpty())
                        .as("%s sets a credential: %s", file.getFileName(), line).isFalse();
                if (key.endsWith("fs.s3a.aws.credentials.provider")) {
                    providers.add(value);
                }
            }
        }
        assertThat(providers).isNotEmpty();
        for (String provider : providers) {
            assertThat(Class.forName(provider)).isNotNull();
        }
        assertThat(Files.readString(SHIPPED)).contains("hadoop.security.credential.provider.path = ");
    }
}
