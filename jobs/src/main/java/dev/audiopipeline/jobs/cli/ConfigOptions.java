package dev.audiopipeline.jobs.cli;

import dev.audiopipeline.jobs.config.ConfigSource;
import dev.audiopipeline.jobs.config.JobConfigBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * Options every command shares: where settings come from. Precedence, lowest first: built-in defaults, the
 * default file ({@code $AUDIO_PIPELINE_CONF_DIR/audio-pipeline.properties}, which bin/audio-pipeline points at
 * {@code conf/}), a command's presets (the demo's), {@code --config} files in order, {@code --conf} options in
 * order, then the command's own options.
 */
public final class ConfigOptions {

    /** Set by bin/audio-pipeline to its configuration directory. */
    public static final String CONF_DIR_PROPERTY = "audiopipeline.conf.dir";
    public static final String DEFAULT_FILE_NAME = "audio-pipeline.properties";

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file (key = value lines), applied after the default file; repeatable.")
    List<Path> configFiles = new ArrayList<>();

    @Option(names = "--conf", paramLabel = "KEY=VALUE",
            description = "One setting, e.g. --conf features.n-mels=64 or --conf spark.executor.memory=4g; "
                    + "repeatable. 'audio-pipeline config' lists every key.")
    List<String> confOptions = new ArrayList<>();

    @Option(names = "--no-default-config",
            description = "Do not read the default settings file (conf/audio-pipeline.properties).")
    boolean noDefaultConfig;

    /** The last builder made, kept so that an error line can leave out the secrets its settings hold. */
    private JobConfigBuilder lastBuilder;

    /** A builder with the default file, the --config files and the --conf options applied. */
    public JobConfigBuilder builder() {
        return builder(Map.of(), null);
    }

    /**
     * A builder with the default file, then a command's own presets (e.g. the demo's quicker training), then the
     * --config files and the --conf options: the presets replace the shipped defaults, and whatever the user gives
     * replaces the presets.
     *
     * @param presets setting keys and values, in order
     * @param presetSource where the presets come from, for messages (e.g. "demo")
     */
    public JobConfigBuilder builder(Map<String, String> presets, String presetSource) {
        JobConfigBuilder builder = new JobConfigBuilder();
        lastBuilder = builder;
        Path defaultFile = defaultFile();
        if (defaultFile != null) {
            builder.file(defaultFile);
        }
        presets.forEach((key, value) -> builder.set(key, value, ConfigSource.commandOption(presetSource)));
        for (Path file : configFiles) {
            builder.file(file);
        }
        return builder.confOptions(confOptions);
    }

    /** The default settings file, or null when there is none (e.g. under spark-submit) or it is switched off. */
    public Path defaultFile() {
        String dir = System.getProperty(CONF_DIR_PROPERTY);
        if (noDefaultConfig || dir == null || dir.isBlank()) {
            return null;
        }
        Path file = Path.of(dir, DEFAULT_FILE_NAME);
        return Files.isRegularFile(file) ? file : null;
    }

    /**
     * The values given (in files or options, so far) to settings the redaction rule finds sensitive: what an error
     * line must not show. Empty before {@link #builder()}.
     */
    public Set<String> secretValues() {
        return lastBuilder == null ? Set.of() : lastBuilder.secretValues();
    }
}
