package dev.audiopipeline.jobs.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The product's command lines as users read them: README.md's code blocks ({@code bin/audio-pipeline ...}, also
 * after {@code &&}, the arguments after the jar in a {@code spark-submit} line, and {@code $ }-prompted transcripts
 * with the output shown under them; a block fenced as {@code ```text} is not commands), the cron script's
 * {@code submit ...} lines and the Airflow DAG's {@code audio_pipeline(...)} calls.
 */
final class DocumentedCommands {

    /**
     * One command line.
     *
     * @param source the file and line it comes from, for messages
     * @param args the words after the launcher or jar
     * @param shownOutput for a transcript, the lines shown under the command; empty otherwise
     */
    record Command(String source, List<String> args, List<String> shownOutput) {

        String name() {
            return args.isEmpty() ? "" : args.get(0);
        }

        /** The value after {@code option}, or null. */
        String option(String option) {
            int at = args.indexOf(option);
            return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : null;
        }

        @Override
        public String toString() {
            return source + ": " + String.join(" ", args);
        }
    }

    private static final String LAUNCHER = "bin/audio-pipeline";

    private DocumentedCommands() {}

    static List<Command> fromReadme(Path readme) throws IOException {
        List<String> lines = joinContinuations(Files.readAllLines(readme, StandardCharsets.UTF_8));
        List<Command> commands = new ArrayList<>();
        boolean inCode = false;
        boolean inBlock = false;
        Command transcript = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String source = readme.getFileName() + " line " + (i + 1);
            if (line.startsWith("```")) {
                inBlock = !inBlock;
                inCode = inBlock && !line.equals("```text");
                transcript = null;
                continue;
            }
            if (!inCode) {
                continue;
            }
            int chained = line.lastIndexOf(" && ");
            if (chained >= 0) {
                line = line.substring(chained + 4).strip();
            }
            if (line.startsWith("$ ")) {
                List<String> words = ShellWords.split(line.substring(2));
                transcript = words.get(0).equals(LAUNCHER)
                        ? add(commands, new Command(source, words.subList(1, words.size()), new ArrayList<>()))
                        : null;
            } else if (transcript != null) {
                if (!line.isEmpty()) {
                    transcript.shownOutput().add(line);
                }
            } else if (line.startsWith(LAUNCHER + " ")) {
                List<String> words = ShellWords.split(line);
                commands.add(new Command(source, words.subList(1, words.size()), List.of()));
            } else if (line.startsWith("spark-submit ")) {
                List<String> words = ShellWords.split(line);
                int jar = indexOfJar(words);
                if (jar >= 0) {
                    commands.add(new Command(source, words.subList(jar + 1, words.size()), List.of()));
                }
            }
        }
        return commands;
    }

    /** The cron script's {@code submit ARGS} lines, with its {@code NAME=${NAME:-default}} variables filled in. */
    static List<Command> fromShellSchedule(Path script) throws IOException {
        List<String> lines = joinContinuations(Files.readAllLines(script, StandardCharsets.UTF_8));
        Map<String, String> variables = new HashMap<>();
        Pattern variable = Pattern.compile("^([A-Z_]+)=\\$\\{\\1:-([^}]*)}");
        List<Command> commands = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            Matcher m = variable.matcher(line);
            if (m.find()) {
                variables.put(m.group(1), m.group(2));
            } else if (line.startsWith("submit ")) {
                List<String> args = new ArrayList<>();
                List<String> words = ShellWords.split(line);
                for (String word : words.subList(1, words.size())) {
                    args.add(word.startsWith("$") ? variables.getOrDefault(word.substring(1), word) : word);
                }
                commands.add(new Command(script.getFileName() + " line " + (i + 1), args, List.of()));
            }
        }
        return commands;
    }

    /** The Airflow DAG's {@code audio_pipeline("task", ARGS...)} calls, with its string constants filled in. */
    static List<Command> fromAirflowDag(Path dag) throws IOException {
        String text = Files.readString(dag, StandardCharsets.UTF_8);
        Map<String, String> constants = new HashMap<>();
        Matcher constant = Pattern.compile("(?m)^([A-Z_]+) = \"([^\"]*)\"").matcher(text);
        while (constant.find()) {
            constants.put(constant.group(1), constant.group(2));
        }
        List<Command> commands = new ArrayList<>();
        Matcher call = Pattern.compile("audio_pipeline\\(\\s*\"([^\"]+)\",([^)]*)\\)").matcher(text);
        while (call.find()) {
            List<String> args = new ArrayList<>();
            Matcher token = Pattern.compile("\"([^\"]*)\"|\\b([A-Z_]+)\\b").matcher(call.group(2));
            while (token.find()) {
                String word = token.group(1);
                args.add(word != null ? word : constants.getOrDefault(token.group(2), token.group(2)));
            }
            commands.add(new Command(dag.getFileName() + " task " + call.group(1), args, List.of()));
        }
        return commands;
    }

    private static Command add(List<Command> commands, Command command) {
        commands.add(command);
        return command;
    }

    private static int indexOfJar(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).endsWith("audio-pipeline.jar")) {
                return i;
            }
        }
        return -1;
    }

    /** Lines ending in a backslash joined with the next, keeping the line count (the joined line leaves a blank). */
    private static List<String> joinContinuations(List<String> lines) {
        List<String> joined = new ArrayList<>(lines);
        for (int i = joined.size() - 2; i >= 0; i--) {
            String line = joined.get(i);
            if (line.endsWith("\\")) {
                joined.set(i, line.substring(0, line.length() - 1) + " " + joined.get(i + 1).strip());
                joined.set(i + 1, "");
            }
        }
        return joined;
    }
}
