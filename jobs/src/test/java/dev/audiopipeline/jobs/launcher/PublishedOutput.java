package dev.audiopipeline.jobs.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.audiopipeline.pipeline.store.ExtractionStore;
import dev.audiopipeline.pipeline.testing.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What an extraction output shows its readers, read back in the test JVM (Spark {@code local[2]}): the key columns
 * of every row of {@code features/} and {@code rejected/}, {@code _summary.json} and what is left in
 * {@code _staging/}.
 */
record PublishedOutput(List<Segment> features, List<Rejection> rejected, JsonNode summary, List<Path> staged) {

    /** One row of features/. */
    record Segment(Path path, int segment, String run) {}

    /** One row of rejected/. */
    record Rejection(Path path, String reason, String run) {}

    static PublishedOutput read(Path output) throws IOException {
        SparkSession spark = SparkTestSession.get();
        List<Segment> features = spark.read().parquet(output.resolve(ExtractionStore.FEATURES).toString())
                .select("path", "segment", "run").collectAsList().stream()
                .map(row -> new Segment(local(row), row.getInt(1), row.getString(2))).toList();
        List<Rejection> rejected = spark.read().parquet(output.resolve(ExtractionStore.REJECTED).toString())
                .select("path", "reason", "run").collectAsList().stream()
                .map(row -> new Rejection(local(row), row.getString(1), row.getString(2))).toList();
        JsonNode summary = new ObjectMapper().readTree(output.resolve(ExtractionStore.SUMMARY).toFile());
        Path staging = output.resolve(ExtractionStore.STAGING);
        List<Path> staged = List.of();
        if (Files.exists(staging)) {
            try (Stream<Path> walk = Files.walk(staging)) {
                staged = walk.filter(path -> !path.equals(staging)).toList();
            }
        }
        return new PublishedOutput(features, rejected, summary, staged);
    }

    /** The rows of one run. */
    List<Segment> featuresOf(String run) {
        return features.stream().filter(row -> row.run().equals(run)).toList();
    }

    List<Rejection> rejectedOf(String run) {
        return rejected.stream().filter(row -> row.run().equals(run)).toList();
    }

    /** Every track with exactly its segments, each once; every unusable file rejected once; nothing left staged. */
    void assertComplete(WavCorpus.Expected expected) {
        Map<Path, List<Integer>> segments = features.stream().collect(Collectors.groupingBy(
                Segment::path, Collectors.mapping(Segment::segment, Collectors.toList())));
        segments.values().forEach(numbers -> numbers.sort(null));
        assertThat(segments).containsExactlyInAnyOrderEntriesOf(expected.segments());
        assertThat(rejected).extracting(Rejection::path).containsExactlyInAnyOrderElementsOf(expected.unusable());
        assertThat(rejected).extracting(Rejection::reason).containsOnly("unsupported_format");
        assertThat(staged).as("left in _staging").isEmpty();
    }

    /** The stored path ({@code file:/...}, as the listing qualified it) as a local path. */
    private static Path local(Row row) {
        return Path.of(new org.apache.hadoop.fs.Path(row.getString(0)).toUri());
    }
}
