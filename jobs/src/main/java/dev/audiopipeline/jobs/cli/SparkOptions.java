package dev.audiopipeline.jobs.cli;

import picocli.CommandLine.Option;

/** Options of the commands that run on Spark. */
public final class SparkOptions {

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[2] or spark://host:7077 (default: what spark-submit set, "
                    + "else local[*]). Same as --conf spark.master=URL.")
    String master;

    public String master() {
        return master;
    }
}
