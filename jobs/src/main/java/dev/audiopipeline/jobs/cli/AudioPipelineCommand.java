package dev.audiopipeline.jobs.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code audio-pipeline} command: lists the commands; each does one job. */
@Command(
        name = "audio-pipeline",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Distributed audio classification on Apache Spark: librosa-exact features, classifiers, bulk scoring.",
            "",
            "Runs locally (Spark local[*] unless --master says otherwise); the same jar runs on a cluster through "
                    + "spark-submit. Settings come from conf/audio-pipeline.properties, --config FILE and "
                    + "--conf KEY=VALUE (see 'audio-pipeline config').",
            ""
        },
        commandListHeading = "%nCommands:%n",
        footer = {"", "Run 'audio-pipeline <command> --help' for a command's options."},
        subcommands = {FeaturesCommand.class, ExtractCommand.class, TrainCommand.class, EvaluateCommand.class,
            ScoreCommand.class, DemoCommand.class,
            CorpusCommand.class,
            DoctorCommand.class,
            ConfigCommand.class})
public final class AudioPipelineCommand implements Runnable {

    @Spec CommandSpec spec;

    /** No command given: say so in one line and exit 2 (as for any other bad command line). */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (commands: "
                + String.join(", ", spec.subcommands().keySet()) + ")");
    }
}
