package dev.audiopipeline.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineTest {

    @Test
    void helpListsEveryCommand() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: audio-pipeline").contains("features").contains("config");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void everyCommandAnswersHelp() {
        CommandLine top = new CommandLine(new AudioPipelineCommand());
        assertThat(top.getSubcommands()).isNotEmpty();
        for (String command : top.getSubcommands().keySet()) {
            CliRun run = CliRun.of(command, "--help");
            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out()).as(command).contains("Usage: audio-pipeline " + command);
        }
    }

    @Test
    void unknownCommandExitsTwoWithOneLine() {
        CliRun run = CliRun.of("extrakt");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).isEqualTo(1);
        assertThat(run.err()).startsWith("audio-pipeline: unknown command 'extrakt' (commands: ");
        for (String command : new String[] {"extract", "train", "evaluate", "score", "corpus", "doctor", "config"}) {
            assertThat(run.err()).as(command).contains(command);
        }
    }

    @Test
    void unknownOptionExitsTwoWithOneLineNamingIt() {
        CliRun run = CliRun.of("features", "x.wav", "--feature", "mfcc", "--out", "x.csv", "--colour", "blue");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).isEqualTo(1);
        assertThat(run.err()).contains("audio-pipeline features: Unknown options: '--colour'")
                .contains("see 'audio-pipeline features --help'");
    }

    @Test
    void missingCommandExitsTwoWithOneLine() {
        CliRun run = CliRun.of();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).isEqualTo(1);
        assertThat(run.err()).contains("missing command");
    }

    @Test
    void missingRequiredOptionExitsTwo() {
        CliRun run = CliRun.of("features", "x.wav", "--out", "x.csv");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).isEqualTo(1);
        assertThat(run.err()).contains("Missing required option: '--feature=NAME'");
    }

    @Test
    void versionNamesProductJavaAndSpark() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("audio-pipeline 0.1.0").contains("Java 17").contains("Spark 3.5.7");
    }
}
