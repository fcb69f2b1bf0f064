package dev.audiopipeline.jobs;

import dev.audiopipeline.jobs.cli.AudioPipelineCommand;
import dev.audiopipeline.jobs.cli.CliErrors;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Entry point of {@code bin/audio-pipeline} and of {@code spark-submit jobs/target/audio-pipeline.jar}.
 *
 * <p>Exit codes: 0 success, 1 the job failed, 2 the command line or the configuration is wrong.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line and returns its exit code; never calls System.exit. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new AudioPipelineCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler(CliErrors::onBadCommandLine);
        commandLine.setExecutionExceptionHandler(CliErrors::onFailure);
        return commandLine.execute(args);
    }
}
