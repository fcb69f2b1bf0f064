package dev.audiopipeline.jobs.cli;

import dev.audiopipeline.jobs.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and captures its exit code and output. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Non-empty lines of stderr. */
    long errLines() {
        return err.lines().filter(line -> !line.isBlank()).count();
    }
}
