package dev.audiopipeline.jobs.cli;

import dev.audiopipeline.jobs.config.JobConfig;
import dev.audiopipeline.jobs.config.SettingsFileWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Shows (and so checks) the settings a job would run with. */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        header = "Shows and checks the settings a job would use.",
        sortOptions = false,
        description = {
            "Prints every setting with its documentation and the value a job would use, and where that value "
                    + "came from. Exits 2 naming the key if a file or option holds an unknown key or a bad value.",
            ""
        })
public final class ConfigCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin ConfigOptions configOptions;

    @Option(names = "--defaults",
            description = "Print the built-in defaults as a settings file (conf/audio-pipeline.properties is this "
                    + "output), ignoring every file and option.")
    boolean defaults;

    @Override
    public Integer call() {
        if (defaults) {
            spec.commandLine().getOut().print(SettingsFileWriter.defaultsFile());
        } else {
            JobConfig config = configOptions.builder().build();
            spec.commandLine().getOut().print(SettingsFileWriter.effective(config));
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
