package dev.audiopipeline.jobs.cli;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A notebook that fails fails the test with its error; DemoCommandTest runs them on a real demo's output. */
class DemoNotebooksTest {

    private final Path work = TestScratch.newDirectory("notebooks");

    @Test
    void aFailingNotebookFailsWithItsCellsError() throws IOException {
        Path notADemo = Files.createDirectories(work.resolve("empty"));
        assertThatThrownBy(() -> DemoNotebooks.execute(notADemo, work.resolve("run")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("demo_features.ipynb failed")
                .hasMessageContaining("demo_results.ipynb failed")
                .hasMessageContaining("FileNotFoundError")
                .hasMessageContaining(notADemo.resolve("features/_feature_settings.json").toString())
                .hasMessageNotContaining("\u001B[");
    }
}
