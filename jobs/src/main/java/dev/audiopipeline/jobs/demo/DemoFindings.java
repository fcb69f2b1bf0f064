package dev.audiopipeline.jobs.demo;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** What the demo reads back from the jobs' outputs to tell the user: the rejected files and the relabel list. */
public final class DemoFindings {

    private DemoFindings() {}

    /** Each rejected input of an extract output as "name: reason". */
    public static List<String> rejected(SparkSession spark, String extractOutput) {
        return spark.read().parquet(extractOutput + "/rejected").select("path", "reason").collectAsList().stream()
                .map(row -> fileName(row.getString(0)) + ": " + row.getString(1)).sorted().toList();
    }

    /** The file names listed in a score output's relabel.csv. */
    public static Set<String> relabelled(SparkSession spark, String scoreOutput) {
        List<Row> rows = spark.read().option("header", "true").csv(scoreOutput + "/relabel.csv").select("path")
                .collectAsList();
        return rows.stream().map(row -> fileName(row.getString(0))).collect(Collectors.toSet());
    }

    static String fileName(String pathOrUri) {
        String name = pathOrUri.substring(pathOrUri.lastIndexOf('/') + 1);
        return java.net.URLDecoder.decode(name.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }
}
