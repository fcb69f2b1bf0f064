package dev.audiopipeline.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.jobs.config.Redaction;
import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A bad command line or setting that holds a credential is reported in one line that does not show it. */
class SecretsInErrorsTest {

    private static final String SECRET = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYzz01";

    private final Path work = TestScratch.newDirectory("secrets-in-errors");

    @Test
    void aConfOptionWithASpaceForTheEqualsSignDoesNotEchoTheSecret() {
        // picocli sees the secret as an unmatched argument and quotes it in its message
        CliRun run = CliRun.of("config", "--no-default-config", "--conf", "spark.hadoop.fs.s3a.secret.key", SECRET);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).isEqualTo(1);
        assertThat(run.err()).contains("audio-pipeline config: ", Redaction.REDACTED).doesNotContain(SECRET);
    }

    @Test
    void aMalformedSettingsLineHoldingASecretIsNotEchoed() throws IOException {
        Path file = Files.writeString(work.resolve("s3.properties"), "spark.hadoop.fs.s3a.secret.key: " + SECRET + "\n");
        CliRun run = CliRun.of("config", "--no-default-config", "--config", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("audio-pipeline config: " + file
                + ":1: expected 'key = value', got " + Redaction.REDACTED);
    }

    @Test
    void anInvalidValueOfASettingTheJobsRuleMakesSensitiveIsNotEchoed() {
        CliRun run = CliRun.of("extract", "--input", work.toString(), "--output", work.resolve("out").toString(),
                "--no-default-config", "--conf", "extract.parquet-codec=" + SECRET,
                "--conf", "spark.redaction.regex=(?i)secret|password|token|access[.]?key|parquet-codec");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("audio-pipeline extract: --conf: setting 'extract.parquet-codec': "
                + Redaction.REDACTED + " is invalid, must be lz4_raw, snappy, zstd, gzip or uncompressed");
    }

    @Test
    void configShowsTheSettingsWithCredentialsRedacted() {
        CliRun run = CliRun.of("config", "--no-default-config", "--conf", "spark.hadoop.fs.s3a.secret.key=" + SECRET,
                "--conf", "spark.hadoop.fs.s3a.endpoint=http://127.0.0.1:9000", "--conf", "features.n-mels=64");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("spark.hadoop.fs.s3a.secret.key = " + Redaction.REDACTED,
                "spark.hadoop.fs.s3a.endpoint = http://127.0.0.1:9000", "features.n-mels = 64")
                .doesNotContain(SECRET);
    }
}
