package dev.audiopipeline.jobs.config;

/**
 * Where a configured value came from, lowest precedence first: the built-in default, a configuration file
 * (with its line), a {@code --conf key=value} option, or a command's own option such as {@code --n-fft}.
 */
public record ConfigSource(Kind kind, String description) {

    public enum Kind { DEFAULT, FILE, CONF_OPTION, COMMAND_OPTION }

    public static final ConfigSource DEFAULT = new ConfigSource(Kind.DEFAULT, "default");

    public static ConfigSource fileLine(String file, int line) {
        return new ConfigSource(Kind.FILE, file + ":" + line);
    }

    public static ConfigSource confOption() {
        return new ConfigSource(Kind.CONF_OPTION, "--conf");
    }

    public static ConfigSource commandOption(String option) {
        return new ConfigSource(Kind.COMMAND_OPTION, option);
    }

    @Override
    public String toString() {
        return description;
    }
}
