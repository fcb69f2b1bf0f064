package dev.audiopipeline.jobs.cli;

import dev.audiopipeline.jobs.config.ConfigException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns failures into what a person at a terminal (or a scheduler's log) needs: one line naming the command,
 * the option, setting or file, and what is wrong. Only unexpected errors (bugs) print a stack trace.
 */
public final class CliErrors {

    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;

    private CliErrors() {}

    /** A bad command line: unknown command or option, missing or malformed value. */
    public static int onBadCommandLine(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String name = command.getCommandName();
        String message = firstLine(e.getMessage());
        boolean atTop = command.getParent() == null;
        if (e instanceof UnmatchedArgumentException unmatched && atTop && !unmatched.getUnmatched().isEmpty()
                && !unmatched.getUnmatched().get(0).startsWith("-")) {
            message = "unknown command '" + unmatched.getUnmatched().get(0) + "' (commands: "
                    + String.join(", ", command.getSubcommands().keySet()) + ")";
        }
        command.getErr().println(qualifiedName(command) + ": " + message + " (see '" + qualifiedName(command)
                + " --help')");
        command.getErr().flush();
        return EXIT_USAGE;
    }

    /** A command that started and failed. */
    public static int onFailure(Exception e, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        if (e instanceof ConfigException) {
            err.println(qualifiedName(command) + ": " + e.getMessage());
            err.flush();
            return EXIT_USAGE;
        }
        if (e instanceof JobFailedException) {
            err.println(qualifiedName(command) + ": " + e.getMessage());
            err.flush();
            return EXIT_FAILED;
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        err.println(qualifiedName(command) + ": unexpected error: " + e);
        err.print(trace);
        err.flush();
        return EXIT_FAILED;
    }

    private static String qualifiedName(CommandLine command) {
        return command.getCommandSpec().qualifiedName();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid command line";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message.strip() : message.substring(0, newline).strip();
    }
}
