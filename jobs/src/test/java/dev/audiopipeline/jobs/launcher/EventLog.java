package dev.audiopipeline.jobs.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What Spark's event log ({@code spark.eventLog.enabled}) says about one application: its stages, with the call site
 * the UI shows, and how each task attempt ended on which executor. Read after the application ended.
 *
 * @param stages every submitted stage attempt
 * @param tasks every ended task attempt
 */
record EventLog(List<Stage> stages, List<Task> tasks) {

    /** A submitted stage: id, task count, and its call site (Spark's "Details": the driver's stack). */
    record Stage(int id, int tasks, String details) {}

    /** An ended task attempt: its stage, partition, executor and Spark's end reason ("Success", ...). */
    record Task(int stage, int partition, String executor, String reason) {

        boolean succeeded() {
            return reason.equals("Success");
        }
    }

    /** The options that make an application log its events into {@code directory} (created here). */
    static List<String> options(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ProductSubmit.conf("spark.eventLog.enabled=true", "spark.eventLog.dir=" + directory.toUri(),
                "spark.eventLog.compress=false");
    }

    /** Reads the one application's log in {@code directory}. */
    static EventLog read(Path directory) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.size() != 1) {
            throw new AssertionError("expected one event log in " + directory + ", found " + files);
        }
        ObjectMapper json = new ObjectMapper();
        List<Stage> stages = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        try (Stream<String> lines = Files.lines(files.get(0), StandardCharsets.UTF_8)) {
            for (String line : (Iterable<String>) lines::iterator) {
                JsonNode event = json.readTree(line);
                switch (event.path("Event").asText()) {
                    case "SparkListenerStageSubmitted" -> {
                        JsonNode info = event.get("Stage Info");
                        stages.add(new Stage(info.get("Stage ID").asInt(), info.get("Number of Tasks").asInt(),
                                info.path("Details").asText()));
                    }
                    case "SparkListenerTaskEnd" -> {
                        JsonNode info = event.get("Task Info");
                        tasks.add(new Task(event.get("Stage ID").asInt(), info.get("Index").asInt(),
                                info.get("Executor ID").asText(), event.get("Task End Reason").get("Reason").asText()));
                    }
                    default -> { }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EventLog(stages, tasks);
    }

    /** The stages whose call site contains {@code text}. */
    List<Stage> stagesCalledFrom(String text) {
        return stages.stream().filter(stage -> stage.details().contains(text)).toList();
    }

    /** The task attempts of the given stages. */
    List<Task> tasksOf(List<Stage> of) {
        List<Integer> ids = of.stream().map(Stage::id).toList();
        return tasks.stream().filter(task -> ids.contains(task.stage())).toList();
    }
}
