package dev.audiopipeline.pipeline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Scratch directories for tests, under the module's {@code target/test-scratch} (surefire sets
 * {@code audiopipeline.test.scratch}); never the system temp directory, never the user's home.
 */
public final class TestScratch {

    private TestScratch() {}

    public static Path root() {
        String configured = System.getProperty("audiopipeline.test.scratch");
        Path root = configured != null ? Path.of(configured) : Path.of("target", "test-scratch");
        try {
            return Files.createDirectories(root.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new, empty directory under the scratch root whose name starts with {@code prefix}. */
    public static Path newDirectory(String prefix) {
        try {
            return Files.createTempDirectory(root(), prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
