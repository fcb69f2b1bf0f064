package dev.audiopipeline.jobs.cli;

import dev.audiopipeline.jobs.config.ConfigException;
import dev.audiopipeline.jobs.config.Redaction;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashSet;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
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

    /**
     * A bad command line: unknown command or option, missing or malformed value. picocli's message quotes the
     * arguments it could not place; a value given to a sensitive setting (see {@link Redaction}) is redacted.
     */
    public static int onBadCommandLine(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String message = firstLine(e.getMessage());
        boolean atTop = command.getParent() == null;
        if (e instanceof UnmatchedArgumentException unmatched && atTop && !unmatched.getUnmatched().isEmpty()
                && !unmatched.getUnmatched().get(0).startsWith("-")) {
            message = "unknown command '" + unmatched.getUnmatched().get(0) + "' (commands: "
                    + String.join(", ", command.getSubcommands().keySet()) + ")";
        }
        Set<String> secrets = Redaction.forArguments(args).secretsIn(args);
        command.getErr().println(Redaction.scrub(qualifiedName(command) + ": " + message + " (see '"
                + qualifiedName(command) + " --help')", secrets));
        command.getErr().flush();
        return EXIT_USAGE;
    }

    /**
     * A command that started and failed. No line printed shows a value given to a sensitive setting (see
     * {@link Redaction}), on the command line or in a settings file, even where a library's message echoes it.
     */
    public static int onFailure(Exception e, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        Set<String> secrets = secrets(command, parseResult);
        if (e instanceof ConfigException) {
            err.println(Redaction.scrub(qualifiedName(command) + ": " + e.getMessage(), secrets));
            err.flush();
            return EXIT_USAGE;
        }
        if (e instanceof JobFailedException) {
            err.println(Redaction.scrub(qualifiedName(command) + ": " + e.getMessage(), secrets));
            err.flush();
            return EXIT_FAILED;
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        err.println(Redaction.scrub(qualifiedName(command) + ": unexpected error: " + e, secrets));
        err.print(Redaction.scrub(trace.toString(), secrets));
        err.flush();
        return EXIT_FAILED;
    }

    /** The secrets of the command line and of the settings files the command read. */
    private static Set<String> secrets(CommandLine command, ParseResult parseResult) {
        Set<String> secrets = new LinkedHashSet<>();
        if (parseResult != null) {
            String[] args = parseResult.originalArgs().toArray(String[]::new);
            secrets.addAll(Redaction.forArguments(args).secretsIn(args));
        }
        for (CommandSpec mixin : command.getCommandSpec().mixins().values()) {
            if (mixin.userObject() instanceof ConfigOptions options) {
                secrets.addAll(options.secretValues());
            }
        }
        return secrets;
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
