package dev.audiopipeline.jobs.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A finished child process: exit code and what it printed. Output goes through files, so nothing blocks. */
public record ProcessRun(int exitCode, String out, String err) {

    public static ProcessRun run(List<String> command, Map<String, String> environment, Path workDir, long timeoutSeconds) {
        return start(command, environment, workDir).await(timeoutSeconds);
    }

    /** Starts a child process, its output going to files under {@code workDir}; {@link Started#await} ends it. */
    static Started start(List<String> command, Map<String, String> environment, Path workDir) {
        try {
            Files.createDirectories(workDir);
            Path out = Files.createTempFile(workDir, "out", ".txt");
            Path err = Files.createTempFile(workDir, "err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(environment);
            return new Started(command, builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A running child process and the files its output goes to. */
    record Started(List<String> command, Process process, Path out, Path err) {

        /** Waits for the process to end (killing it and failing after {@code timeoutSeconds}). */
        ProcessRun await(long timeoutSeconds) {
            try {
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new AssertionError(command + " did not finish in " + timeoutSeconds + " s; stderr:\n"
                            + Files.readString(err, StandardCharsets.UTF_8));
                }
                return new ProcessRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Non-empty lines of stderr. */
    List<String> errLines() {
        return err.lines().filter(line -> !line.isBlank()).toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
}
