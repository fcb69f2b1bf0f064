package dev.audiopipeline.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.features.reference.ReferenceData;
import dev.audiopipeline.pipeline.corpus.WavWriter;
import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End to end through the command line: every librosa golden input, written as a float WAV, decoded, and its
 * CSV compared with librosa 0.11's values at the tolerances (MFCC 2e-3, log-mel and contrast 1e-3 dB;
 * chroma with librosa's default {@code tuning=None}, {@code --conf features.tuning=none}, 1e-5).
 */
class FeaturesCommandLibrosaParityTest {

    private final Path dir = TestScratch.newDirectory("parity");

    static List<ReferenceData.Input> inputs() {
        return ReferenceData.inputs();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void csvMatchesLibrosa(ReferenceData.Input input) throws IOException {
        Path wav = dir.resolve(input.id() + ".wav");
        WavWriter.of(WavWriter.Encoding.FLOAT_32).write(wav, input.npy("y").floatVector(), 22050);

        float[][] mfccLogMelContrast = run(wav, "mfcc,logmel,contrast", "13");
        assertClose(mfccLogMelContrast, 1, input.npy("mfcc13").framesByFeatures(), 2e-3, "mfcc13");
        assertClose(mfccLogMelContrast, 1 + 13, input.npy("mel_db").framesByFeatures(), 1e-3, "mel_db");
        assertClose(mfccLogMelContrast, 1 + 13 + 128, input.npy("contrast").framesByFeatures(), 1e-3, "contrast");

        float[][] mfcc20 = run(wav, "mfcc", "20");
        assertClose(mfcc20, 1, input.npy("mfcc20").framesByFeatures(), 2e-3, "mfcc20");

        ReferenceData.MoreEntry more = ReferenceData.more("features").stream()
                .filter(entry -> entry.id().equals(input.id())).findFirst().orElseThrow();
        float[][] chroma = run(wav, "chroma", "13", "--conf", "features.tuning=none");
        assertClose(chroma, 1, more.npy("chroma").framesByFeatures(), 1e-5, "chroma, tuning estimated");
    }

    private float[][] run(Path wav, String features, String nMfcc, String... more) throws IOException {
        Path csv = dir.resolve(wav.getFileName() + "-" + features + "-" + nMfcc + ".csv");
        List<String> arguments = new java.util.ArrayList<>(List.of("features", wav.toString(), "--feature", features,
                "--n-mfcc", nMfcc, "--no-default-config", "--out", csv.toString()));
        arguments.addAll(List.of(more));
        CliRun run = CliRun.of(arguments.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        float[][] rows = new float[lines.size() - 1][];
        for (int r = 1; r < lines.size(); r++) {
            String[] fields = lines.get(r).split(",");
            assertThat(fields[0]).isEqualTo(String.valueOf(r - 1));
            rows[r - 1] = new float[fields.length];
            for (int c = 0; c < fields.length; c++) {
                rows[r - 1][c] = Float.parseFloat(fields[c]);
            }
        }
        return rows;
    }

    /** Columns [firstColumn, firstColumn + expected width) of every row against the golden [frame][feature]. */
    private static void assertClose(float[][] rows, int firstColumn, double[][] expected, double tolerance,
                                    String name) {
        assertThat(rows.length).as(name + " frames").isEqualTo(expected.length);
        double worst = 0;
        for (int t = 0; t < expected.length; t++) {
            for (int c = 0; c < expected[t].length; c++) {
                worst = Math.max(worst, Math.abs(rows[t][firstColumn + c] - expected[t][c]));
            }
        }
        assertThat(worst).as(name + ": worst absolute difference from librosa").isLessThanOrEqualTo(tolerance);
    }
}
