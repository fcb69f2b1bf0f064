package dev.audiopipeline.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** The redaction rule is Spark's, and no message about a setting shows a sensitive value. */
class RedactionTest {

    private static final String SECRET = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYzz01";

    @Test
    void theDefaultRuleAndTextAreSparks() {
        assertThat(Redaction.DEFAULT_REGEX)
                .isEqualTo(org.apache.spark.internal.config.package$.MODULE$.SECRET_REDACTION_PATTERN()
                        .defaultValueString());
        assertThat(Redaction.REDACTED).isEqualTo(org.apache.spark.util.Utils$.MODULE$.REDACTION_REPLACEMENT_TEXT());
    }

    @Test
    void redactsWhatSparkRedacts() {
        Map<String, String> settings = Map.of(
                "spark.hadoop.fs.s3a.secret.key", SECRET,
                "spark.hadoop.fs.s3a.access.key", "AKIAIOSFODNN7ZZTEST",
                "spark.hadoop.fs.s3a.accesskey", "AKIAIOSFODNN7ZZTEST",
                "spark.hadoop.fs.s3a.session.token", "FQoGZXIvYXdz",
                "spark.ssl.keyStorePassword", "Tr0ub4dor-and-3",
                "spark.executorEnv.DB_URL", "jdbc:x://h/db?password=hunter2",
                "spark.executor.memory", "4g",
                "spark.hadoop.fs.s3a.endpoint", "http://127.0.0.1:9000");
        for (String regex : List.of(Redaction.DEFAULT_REGEX, "(?i)secret|endpoint")) {
            Redaction ours = Redaction.of(regex, "test");
            SparkConf conf = new SparkConf(false).set(Redaction.REGEX_KEY, regex);
            settings.forEach(conf::set);
            String sparksView = conf.toDebugString();
            settings.forEach((key, value) -> assertThat(ours.isSensitive(key, value))
                    .as("%s under %s", key, regex)
                    .isEqualTo(sparksView.contains(key + "=" + Redaction.REDACTED)));
        }
        Redaction defaults = Redaction.defaults();
        assertThat(defaults.isSensitive("spark.hadoop.fs.s3a.secret.key", SECRET)).isTrue();
        assertThat(defaults.isSensitive("spark.executor.memory", "4g")).isFalse();
        // The rule itself is a pattern, not a credential: shown (Spark would hide its own default pattern).
        assertThat(defaults.value(Redaction.REGEX_KEY, Redaction.DEFAULT_REGEX)).isEqualTo(Redaction.DEFAULT_REGEX);
    }

    @Test
    void aRuleGivenInTheSettingsReplacesTheDefaultWhereverItIsGiven() throws IOException {
        Path file = write("spark.hadoop.fs.s3a.endpoint = http://storage.internal:9000\n");
        JobConfig config = new JobConfigBuilder().file(file)
                .confOptions(List.of("spark.redaction.regex=(?i)secret|endpoint")).build();
        assertThat(config.redaction().regex()).isEqualTo("(?i)secret|endpoint");
        assertThat(config.shownSparkProperties())
                .containsEntry("spark.hadoop.fs.s3a.endpoint", Redaction.REDACTED)
                .containsEntry(Redaction.REGEX_KEY, "(?i)secret|endpoint");
        assertThat(config.sparkProperties()).containsEntry("spark.hadoop.fs.s3a.endpoint",
                "http://storage.internal:9000"); // Spark still gets the value

        assertThatThrownBy(() -> new JobConfigBuilder().confOptions(List.of("spark.redaction.regex=(?i)secret|(")).build())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("--conf: setting 'spark.redaction.regex': not a valid regular expression");
    }

    @Test
    void aBadValueOfASensitiveSettingIsNotEchoed() throws IOException {
        // A product setting the job's rule makes sensitive, the rule given after the bad value: still redacted.
        Path file = write("extract.parquet-codec = " + SECRET + "\n");
        assertThatThrownBy(() -> new JobConfigBuilder().file(file)
                .confOptions(List.of("spark.redaction.regex=(?i)secret|parquet-codec")).build())
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ":1: setting 'extract.parquet-codec': " + Redaction.REDACTED + " is invalid, must be "
                        + "lz4_raw, snappy, zstd, gzip or uncompressed")
                .message().doesNotContain(SECRET);
        // A value that looks like a credential (Spark's rule looks at values too), under the default rule.
        assertThatThrownBy(() -> new JobConfigBuilder().confOptions(List.of("features.n-fft=my-token-" + SECRET)).build())
                .hasMessage("--conf: setting 'features.n-fft': " + Redaction.REDACTED + " is not a valid integer");
        // Not sensitive: the value is shown, as before.
        assertThatThrownBy(() -> new JobConfigBuilder().confOptions(List.of("features.n-fft=abc")).build())
                .hasMessage("--conf: setting 'features.n-fft': 'abc' is not a valid integer");
    }

    @Test
    void aMalformedLineHoldingACredentialIsNotEchoed() throws IOException {
        Path colon = write("spark.hadoop.fs.s3a.secret.key: " + SECRET + "\n");
        assertThatThrownBy(() -> new JobConfigBuilder().file(colon))
                .hasMessage(colon + ":1: expected 'key = value', got " + Redaction.REDACTED);
        assertThatThrownBy(() -> new JobConfigBuilder().confOptions(List.of("fs.s3a.secret.key:" + SECRET)))
                .hasMessage("--conf: expected key=value, got " + Redaction.REDACTED);
        Path plain = write("features.n-fft 1024\n");
        assertThatThrownBy(() -> new JobConfigBuilder().file(plain))
                .hasMessage(plain + ":1: expected 'key = value', got 'features.n-fft 1024'");
    }

    @Test
    void findsTheSecretsOfACommandLineAndScrubsThemFromText() {
        String[] args = {"extract", "--conf", "spark.hadoop.fs.s3a.secret.key=" + SECRET,
            "--conf=spark.hadoop.fs.s3a.access.key=AKIAIOSFODNN7ZZTEST", "--conf", "spark.ssl.keyPassword",
            "Tr0ub4dor-and-3", "--input", "/music", "--conf", "spark.executor.memory=4g"};
        Set<String> secrets = Redaction.forArguments(args).secretsIn(args);
        assertThat(secrets).containsExactlyInAnyOrder(SECRET, "AKIAIOSFODNN7ZZTEST", "Tr0ub4dor-and-3");
        assertThat(Redaction.scrub("Unmatched argument at index 6: 'Tr0ub4dor-and-3'", secrets))
                .isEqualTo("Unmatched argument at index 6: '" + Redaction.REDACTED + "'");

        String[] withRule = {"--conf", "spark.redaction.regex=(?i)endpoint", "--conf",
            "spark.hadoop.fs.s3a.endpoint=http://storage.internal:9000", "--conf", "spark.x.secret=kept-visible"};
        assertThat(Redaction.forArguments(withRule).secretsIn(withRule)).containsExactly("http://storage.internal:9000");
    }

    private static Path write(String text) throws IOException {
        Path file = TestScratch.newDirectory("redaction").resolve("settings.properties");
        return Files.writeString(file, text);
    }
}
