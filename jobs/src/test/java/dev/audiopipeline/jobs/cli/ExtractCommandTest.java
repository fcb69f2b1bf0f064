package dev.audiopipeline.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.pipeline.corpus.WavWriter;
import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The extract command in-process on Spark local[2]: options, manifest, summary line and one-line failures. */
class ExtractCommandTest {

    private final Path work = TestScratch.newDirectory("extract-cli");

    @Test
    void extractsAManifestWithTheGivenSegmentLength() throws IOException {
        Path root = work.resolve("library");
        wav(root.resolve("albums/one.wav"), 5.0);
        wav(root.resolve("albums/two.wav"), 4.2);
        Files.writeString(root.resolve("labels.csv"),
                "path,label,split\nalbums/one.wav,rock,train\nalbums/two.wav,jazz,test\nalbums/gone.wav,pop,train\n");
        Path output = work.resolve("out");

        CliRun run = CliRun.of("extract", "--input", root.toString(), "--manifest", root.resolve("labels.csv").toString(),
                "--output", output.toString(), "--segment-seconds", "2", "--master", "local[2]",
                "--conf", "spark.ui.enabled=false", "--conf", "extract.parquet-codec=zstd");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("3 files: 2 ok, 1 rejected; 4 segments, 8.0 s of audio, in ");
        assertThat(output.resolve("features")).isDirectory();
        try (java.util.stream.Stream<Path> files = Files.walk(output.resolve("features"))) {
            assertThat(files.map(Path::toString).filter(name -> name.endsWith(".parquet")))
                    .isNotEmpty().allSatisfy(name -> assertThat(name).endsWith(".zstd.parquet"));
        }
        assertThat(output.resolve("rejected")).isDirectory();
        assertThat(Files.readString(output.resolve("_summary.json"))).contains("\"segments\" : 4");
        assertThat(Files.readString(output.resolve("_feature_settings.json")))
                .contains("\"segment_seconds\" : 2.0");

        CliRun again = CliRun.of("extract", "--input", root.toString(), "--manifest",
                root.resolve("labels.csv").toString(), "--output", output.toString(), "--segment-seconds", "2",
                "--incremental", "--master", "local[2]", "--conf", "spark.ui.enabled=false");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).startsWith("3 files: 0 ok, 0 rejected, 3 unchanged; 0 segments, 0.0 s of audio, in ");

        CliRun otherLength = CliRun.of("extract", "--input", root.toString(), "--manifest",
                root.resolve("labels.csv").toString(), "--output", output.toString(), "--incremental",
                "--master", "local[2]", "--conf", "spark.ui.enabled=false");
        assertThat(otherLength.exitCode()).isEqualTo(1);
        assertThat(otherLength.errLines()).isEqualTo(1);
        assertThat(otherLength.err()).contains("holds features computed with other settings (segments.segment_seconds: "
                + "stored 2.0, this run 3.0, segments.hop_seconds: stored 2.0, this run 3.0)");
    }

    @Test
    void failuresAreOneLine() throws IOException {
        CliRun missing = CliRun.of("extract", "--input", work.resolve("nothing-here").toString(),
                "--output", work.resolve("o1").toString(), "--master", "local[1]", "--conf", "spark.ui.enabled=false");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("audio-pipeline extract: input root not found: ");

        CliRun badSetting = CliRun.of("extract", "--input", work.toString(), "--output", work.resolve("o2").toString(),
                "--conf", "extract.segment-tail=trim");
        assertThat(badSetting.exitCode()).isEqualTo(2);
        assertThat(badSetting.errLines()).isEqualTo(1);
        assertThat(badSetting.err()).contains("setting 'extract.segment-tail': 'trim' is invalid, must be drop or pad");

        CliRun badAugment = CliRun.of("extract", "--input", work.toString(), "--output", work.resolve("o3").toString(),
                "--augment", "2", "--conf", "extract.augment.noise-snr-db-min=30",
                "--conf", "extract.augment.noise-snr-db-max=10");
        assertThat(badAugment.exitCode()).isEqualTo(2);
        assertThat(badAugment.err()).contains("augment.noise-snr-db-max must be >= "
                + "augment.noise-snr-db-min=30.0, got 10.0 (setting extract.augment.noise-snr-db-max)");
    }

    private static void wav(Path file, double seconds) throws IOException {
        float[] samples = new float[(int) Math.round(seconds * 22050)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.3 * Math.sin(2 * Math.PI * 330 * i / 22050.0));
        }
        Files.createDirectories(file.getParent());
        WavWriter.of(WavWriter.Encoding.PCM_16).write(file, samples, 22050);
    }
}
