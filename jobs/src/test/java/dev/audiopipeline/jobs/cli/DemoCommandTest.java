package dev.audiopipeline.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.audiopipeline.jobs.demo.DemoLayout;
import dev.audiopipeline.jobs.demo.PlannedTrack;
import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The demo end to end on a smaller corpus (8 tracks of 6 s per label, 2 held out), on Spark local[2]: every step's
 * line, both models' metrics, the predictions, the relabel manifest against the library's deliberate mistakes, the
 * rejected file, the paths printed; then a second run into the same directory, refused without touching it. The
 * notebooks that read a demo's output run on this one (a demo takes minutes; it runs once, for every test here).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path work = TestScratch.newDirectory("demo-cli");
    private final Path root = work.resolve("demo");
    private CliRun run;

    @BeforeAll
    void runTheDemo() {
        run = CliRun.of("demo", "--output", root.toString(), "--tracks-per-label", "8", "--seconds", "6",
                "--master", "local[2]", "--conf", "spark.ui.enabled=false");
        System.out.print(run.out()); // the step times, in the test's report
    }

    @Test
    void runsThePipelineAndSaysWhereEverythingIs() throws IOException {
        DemoLayout layout = new DemoLayout(root);
        assertThat(run.exitCode()).as(run.err()).isZero();
        String out = run.out();
        List<String> steps = List.of("corpus", "library", "spark", "extract", "train", "train", "evaluate", "score");
        for (int i = 0; i < steps.size(); i++) {
            assertThat(out).contains("[" + (i + 1) + "/8] " + steps.get(i));
        }
        assertThat(out).contains("40 tracks of 6 s, 5 labels").contains("41 files: 40 ok, 1 rejected")
                .contains("dense trained on 5 labels").contains("rf trained on 5 labels")
                .contains("on 10 test tracks");

        for (Path metrics : List.of(layout.report().resolve("metrics.json"),
                layout.report().resolve("models/rf/metrics.json"))) {
            JsonNode track = JSON.readTree(metrics.toFile()).get("track");
            assertThat(track.get("accuracy").asDouble()).as(metrics.toString()).isBetween(0.0, 1.0);
            assertThat(track.get("macro_f1").asDouble()).as(metrics.toString()).isBetween(0.0, 1.0);
            assertThat(track.get("per_class").size()).as(metrics.toString()).isEqualTo(5);
            // the headline prints what metrics.json holds
            assertThat(out).containsPattern(String.format(java.util.Locale.ROOT, "\\n  %s +%.3f +%.3f\\n",
                    metrics.getParent().getFileName().toString().equals("report") ? "dense" : "rf",
                    track.get("accuracy").asDouble(), track.get("macro_f1").asDouble()));
        }
        List<String> testPredictions = Files.readAllLines(layout.report().resolve("predictions.csv"));
        assertThat(testPredictions.get(0)).startsWith("path,track_id,label,predicted_label");
        assertThat(testPredictions).hasSize(1 + 10);

        Map<String, String[]> scored = rowsByFileName(layout.scores().resolve("predictions.csv"));
        List<PlannedTrack> library = libraryPlan(layout);
        assertThat(scored.keySet()).containsExactlyInAnyOrderElementsOf(
                library.stream().map(PlannedTrack::fileName).toList());
        Map<String, String[]> relabel = rowsByFileName(layout.scores().resolve("relabel.csv"));
        List<PlannedTrack> recognised = library.stream().filter(PlannedTrack::mistagged)
                .filter(t -> scored.get(t.fileName())[1].equals(t.style().label()))
                .filter(t -> scored.get(t.fileName())[5].equals("false")).toList();
        assertThat(recognised).as("mistagged tracks predicted as what they are, confidently").isNotEmpty();
        for (PlannedTrack track : recognised) {
            assertThat(relabel).as(track.fileName()).containsKey(track.fileName());
            assertThat(relabel.get(track.fileName())[2]).isEqualTo(track.style().label());
        }
        assertThat(out).containsPattern("Relabel .*relabel.csv \\(" + relabel.size() + " tracks whose confident "
                + "prediction differs from their tag; " + recognised.size() + " of the 5 tracks mistagged on purpose");

        assertThat(JSON.readTree(layout.features().resolve("_summary.json").toFile()).get("files_rejected").asLong())
                .isEqualTo(1);
        assertThat(out).contains("Rejected     " + layout.features().resolve("rejected") + " (liner-notes.mp3: ");
        assertThat(out).contains(layout.report().resolve("report.html").toString())
                .contains(layout.scores().resolve("predictions.csv").toString())
                .contains(layout.scores().resolve("relabel.csv").toString());
        assertThat(layout.report().resolve("report.html")).isNotEmptyFile();

        long filesBefore = fileCount(root);
        CliRun again = CliRun.of("demo", "--output", root.toString(), "--master", "local[2]");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.errLines()).isEqualTo(1);
        assertThat(again.err()).contains("audio-pipeline demo: --output " + root + " is not empty");
        assertThat(again.out()).isEmpty();
        assertThat(fileCount(root)).isEqualTo(filesBefore);
    }

    @Test
    void theNotebooksRunOnItsOutput() throws IOException {
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(DemoNotebooks.notebooks()).extracting(notebook -> notebook.getFileName().toString())
                .contains("demo_features.ipynb", "demo_results.ipynb");
        DemoNotebooks.execute(root, work.resolve("notebooks"));
    }

    @Test
    void tooFewTracksIsABadCommandLine() {
        CliRun refused = CliRun.of("demo", "--output", work.resolve("small").toString(), "--tracks-per-label", "3");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.errLines()).isEqualTo(1);
        assertThat(refused.err()).contains("at least 2 labels, 4 tracks per label");
        assertThat(work.resolve("small")).doesNotExist();
    }

    /** The library the demo wrote: the same plan. */
    private static List<PlannedTrack> libraryPlan(DemoLayout layout) {
        return DemoCommand.library(6).plan(layout.library());
    }

    /** A CSV's data rows by the file name of their first column (the paths here hold no commas or quotes). */
    private static Map<String, String[]> rowsByFileName(Path csv) throws IOException {
        Map<String, String[]> rows = new HashMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            rows.put(fields[0].substring(fields[0].lastIndexOf('/') + 1), fields);
        }
        return rows;
    }

    private static long fileCount(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.count();
        }
    }
}
