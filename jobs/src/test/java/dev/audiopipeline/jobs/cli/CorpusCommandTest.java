package dev.audiopipeline.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CorpusCommandTest {

    private final Path work = TestScratch.newDirectory("corpus-cli");

    @Test
    void writesTheRequestedLabelsAndFiles() throws IOException {
        CliRun run = CliRun.of("corpus", "--output", work.toString(), "--labels", "2", "--files-per-label", "3",
                "--seconds", "1.5");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("6 files (2 labels x 3, 1.5 s at 22050 Hz) in ");
        try (Stream<Path> files = Files.walk(work)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> work.relativize(p).toString()).sorted())
                    .containsExactly("blues/blues.00000.wav", "blues/blues.00001.wav", "blues/blues.00002.wav",
                            "classical/classical.00000.wav", "classical/classical.00001.wav",
                            "classical/classical.00002.wav");
        }
    }

    @Test
    void badArgumentsAreOneLine() {
        CliRun run = CliRun.of("corpus", "--output", work.toString(), "--labels", "11");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).isEqualTo(1);
        assertThat(run.err()).contains("--labels must be in [1, 10], got 11");
    }
}
