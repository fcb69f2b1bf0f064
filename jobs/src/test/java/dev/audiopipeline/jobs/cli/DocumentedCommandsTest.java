package dev.audiopipeline.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.audiopipeline.jobs.ProjectRoot;
import dev.audiopipeline.jobs.cli.DocumentedCommands.Command;
import dev.audiopipeline.pipeline.corpus.WavWriter;
import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * README.md and conf/schedules/ stay true: every command line they show names a command and options that exist,
 * with values that parse and settings that are valid; those that need neither Spark nor remote storage
 * ({@code features}, a small {@code corpus}, {@code config}) run for real on local files, and a transcript shows
 * what the product prints. (The demo and the Spark commands run end to end in their own tests: DemoCommandTest,
 * the job tests and SparkSubmitClusterIT.)
 */
class DocumentedCommandsTest {

    private static final Path ROOT = ProjectRoot.get();

    private final Path work = TestScratch.newDirectory("documented-commands");

    @Test
    void everyCommandShownParsesWithValidSettings() throws IOException {
        List<Command> commands = allDocumented();
        assertThat(commands).hasSizeGreaterThan(20);
        for (Command command : commands) {
            assertThatCode(() -> new CommandLine(new AudioPipelineCommand()).parseArgs(command.args().toArray(String[]::new)))
                    .as(command.toString()).doesNotThrowAnyException();
            if (!command.shownOutput().isEmpty()) {
                continue; // a transcript may show a refusal on purpose (transcriptsShowWhatTheProductPrints)
            }
            // the settings it gives are checked as the job would check them
            List<String> config = new ArrayList<>(List.of("config"));
            for (int i = 0; i < command.args().size() - 1; i++) {
                if (command.args().get(i).equals("--conf")) {
                    config.add("--conf");
                    config.add(command.args().get(i + 1));
                }
            }
            CliRun run = CliRun.of(config.toArray(String[]::new));
            assertThat(run.exitCode()).as(command + "\n" + run.err()).isZero();
        }
    }

    @Test
    void readmeShowsEveryCommand() throws IOException {
        Set<String> shown = new TreeSet<>();
        DocumentedCommands.fromReadme(ROOT.resolve("README.md")).forEach(c -> shown.add(c.name()));
        Set<String> commands = new TreeSet<>(new CommandLine(new AudioPipelineCommand()).getSubcommands().keySet());
        commands.remove("help");
        assertThat(shown).containsAll(commands);
    }

    @Test
    void localCommandsRunAsShown() throws IOException {
        int ran = 0;
        for (Command command : DocumentedCommands.fromReadme(ROOT.resolve("README.md"))) {
            List<String> args = switch (command.name()) {
                case "features" -> command.shownOutput().isEmpty() ? onLocalFiles(command, true) : null;
                case "config" -> command.shownOutput().isEmpty() ? onLocalFiles(command, false) : null;
                case "corpus" -> isSmallCorpus(command) ? onLocalFiles(command, false) : null;
                default -> null;
            };
            if (args == null) {
                continue;
            }
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(command + "\n" + run.err()).isZero();
            String out = command.option("--out") != null ? command.option("--out") : command.option("--output");
            if (out != null) {
                assertThat(local(out)).as(command.toString()).exists();
            }
            ran++;
        }
        assertThat(ran).as("features, config and corpus commands run").isGreaterThanOrEqualTo(5);
    }

    @Test
    void transcriptsShowWhatTheProductPrints() throws IOException {
        List<Command> transcripts = DocumentedCommands.fromReadme(ROOT.resolve("README.md")).stream()
                .filter(c -> !c.shownOutput().isEmpty()).toList();
        assertThat(transcripts).isNotEmpty();
        for (Command command : transcripts) {
            CliRun run = CliRun.of(onLocalFiles(command, true).toArray(String[]::new));
            List<String> printed = Stream.concat(run.out().lines(), run.err().lines()).map(String::strip).toList();
            assertThat(printed).as(command.toString()).containsAll(command.shownOutput());
        }
    }

    @Test
    void nightlySchedulesExtractThenScoreIncrementally() throws IOException {
        for (List<Command> schedule : List.of(
                DocumentedCommands.fromShellSchedule(ROOT.resolve("conf/schedules/nightly.sh")),
                DocumentedCommands.fromAirflowDag(ROOT.resolve("conf/schedules/nightly_airflow.py")))) {
            assertThat(schedule).extracting(Command::name).containsExactly("extract", "score");
            for (Command command : schedule) {
                assertThat(command.args()).as(command.toString()).contains("--incremental");
            }
            // score reads the library that extract reads, never a placeholder left unfilled
            assertThat(schedule.get(1).option("--input")).isEqualTo(schedule.get(0).option("--input"))
                    .doesNotContain("$");
        }
    }

    private List<Command> allDocumented() throws IOException {
        List<Command> all = new ArrayList<>(DocumentedCommands.fromReadme(ROOT.resolve("README.md")));
        all.addAll(DocumentedCommands.fromShellSchedule(ROOT.resolve("conf/schedules/nightly.sh")));
        all.addAll(DocumentedCommands.fromAirflowDag(ROOT.resolve("conf/schedules/nightly_airflow.py")));
        return all;
    }

    /**
     * The command with its files moved into the test's directory: outputs ({@code --out}, {@code --output}) and
     * settings files ({@code --config}, made empty) go there, and, for {@code features}, the audio file it names is
     * a generated 2 s tone.
     */
    private List<String> onLocalFiles(Command command, boolean audioArgument) throws IOException {
        List<String> args = new ArrayList<>(command.args());
        for (int i = 1; i < args.size(); i++) {
            String word = args.get(i);
            String option = args.get(i - 1);
            if (Set.of("--out", "--output", "--config").contains(option)) {
                Path file = local(word);
                if (option.equals("--config")) {
                    Files.writeString(file, "# an empty settings file\n", StandardCharsets.UTF_8);
                }
                args.set(i, file.toString());
            } else if (audioArgument && i == 1 && command.name().equals("features") && !word.startsWith("-")) {
                Path wav = local(word);
                if (!Files.exists(wav)) {
                    WavWriter.of(WavWriter.Encoding.PCM_16).write(wav, tone(22050, 2.0), 22050);
                }
                args.set(i, wav.toString());
            }
        }
        return args;
    }

    /** Where a documented path goes in the test's directory. */
    private Path local(String documented) {
        return work.resolve(documented.replaceAll("[/~]", "_"));
    }

    private static boolean isSmallCorpus(Command command) {
        String files = command.option("--files-per-label");
        return files != null && Integer.parseInt(files) <= 10;
    }

    private static float[] tone(int sampleRate, double seconds) {
        float[] samples = new float[(int) (sampleRate * seconds)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / sampleRate));
        }
        return samples;
    }
}
