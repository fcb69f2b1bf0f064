package dev.audiopipeline.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.pipeline.corpus.WavWriter;
import dev.audiopipeline.pipeline.decode.FfmpegTestEncoder;
import dev.audiopipeline.pipeline.decode.TestTones;
import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeaturesCommandTest {

    private final Path dir = TestScratch.newDirectory("features-cli");

    @Test
    void writesOneRowPerFrameWithAHeader() throws IOException {
        Path wav = tone(22050, 2.0, 440);
        Path csv = dir.resolve("mfcc.csv");

        CliRun run = CliRun.of("features", wav.toString(), "--feature", "mfcc", "--out", csv.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("frame,mfcc_00,mfcc_01,mfcc_02,mfcc_03,mfcc_04,mfcc_05,mfcc_06,"
                + "mfcc_07,mfcc_08,mfcc_09,mfcc_10,mfcc_11,mfcc_12");
        assertThat(lines).hasSize(1 + 1 + 44100 / 512); // header + librosa's 1 + n // hop frames
        String[] row = lines.get(40).split(",");
        assertThat(row).hasSize(14);
        assertThat(row[0]).isEqualTo("39");
        assertThat(Float.parseFloat(row[1])).isLessThan(0f); // c0 of a 0.5-amplitude tone: negative dB-scaled energy
    }

    @Test
    void optionsOverrideSettingsAndResampleToSr() throws IOException {
        Path wav = tone(44100, 1.0, 1000);
        Path csv = dir.resolve("mel.csv");

        CliRun run = CliRun.of("features", wav.toString(), "--feature", "logmel,contrast", "--sr", "16000",
                "--n-fft", "1024", "--hop", "256", "--n-mels", "40", "--out", csv.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0).split(",")).hasSize(1 + 40 + 7).contains("logmel_39", "contrast_06");
        assertThat(lines).hasSize(1 + 1 + 16000 / 256);
    }

    @Test
    void readsGtzanAuAndFlacFiles() throws IOException {
        short[][] pcm = TestTones.tones(22050, 1, 3 * 22050);
        for (String format : List.of("au", "flac")) {
            Path file = Files.write(dir.resolve("blues.00000." + format),
                    FfmpegTestEncoder.encode(format, format.equals("au") ? "pcm_s16be" : "flac", 0, null, 22050, pcm));
            Path csv = dir.resolve(format + ".csv");

            CliRun run = CliRun.of("features", file.toString(), "--feature", "mfcc", "--out", csv.toString());

            assertThat(run.exitCode()).as(format + ": " + run.err()).isZero();
            assertThat(Files.readAllLines(csv, StandardCharsets.UTF_8)).as(format).hasSize(1 + 1 + 3 * 22050 / 512);
        }
    }

    @Test
    void unreadableInputsFailWithOneLineNamingTheFileAndReason() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.wav"), "not audio at all");
        CliRun notAudio = CliRun.of("features", text.toString(), "--feature", "mfcc", "--out", dir + "/a.csv");
        assertThat(notAudio.exitCode()).isEqualTo(1);
        assertThat(notAudio.errLines()).isEqualTo(1);
        assertThat(notAudio.err()).contains("unsupported_format: " + text);
        assertThat(dir.resolve("a.csv")).doesNotExist();

        CliRun missing = CliRun.of("features", dir + "/nope.wav", "--feature", "mfcc", "--out", dir + "/b.csv");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.wav: no such file");
    }

    @Test
    void badFeatureNameOrSettingExitsTwo() throws IOException {
        Path wav = tone(22050, 0.5, 440);
        CliRun badFeature = CliRun.of("features", wav.toString(), "--feature", "mfc", "--out", dir + "/c.csv");
        assertThat(badFeature.exitCode()).isEqualTo(2);
        assertThat(badFeature.err()).contains("unknown feature 'mfc'; expected one of mel, logmel, mfcc");

        CliRun badSetting = CliRun.of("features", wav.toString(), "--feature", "mfcc", "--n-mfcc", "200",
                "--out", dir + "/d.csv");
        assertThat(badSetting.exitCode()).isEqualTo(2);
        assertThat(badSetting.err()).contains("n_mfcc must be in [1, n_mels=128], got 200")
                .contains("setting features.n-mfcc");
    }

    private Path tone(int rate, double seconds, double hz) throws IOException {
        float[] samples = new float[(int) (rate * seconds)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        Path file = dir.resolve("tone-" + rate + "-" + (int) hz + ".wav");
        WavWriter.of(WavWriter.Encoding.PCM_16).write(file, samples, rate);
        return file;
    }
}
