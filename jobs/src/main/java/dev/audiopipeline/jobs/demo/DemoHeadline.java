package dev.audiopipeline.jobs.demo;

import dev.audiopipeline.training.evaluation.ModelEvaluation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The demo's closing lines: each model's headline metrics on the held-out tracks, where the report, the predictions
 * and the relabel manifest are, what was rejected, and what to open or run next.
 *
 * @param layout the demo's directories
 * @param evaluations the models evaluated, the report's first model first
 * @param testPerLabel held-out tracks per label
 * @param scoredWith the model the library was scored with
 * @param relabelCount rows of relabel.csv
 * @param library the library's tracks
 * @param relabelled the file names relabel.csv lists
 * @param rejected extraction's rejected inputs, "name: reason"
 * @param seconds the whole demo's time
 */
public record DemoHeadline(DemoLayout layout, List<ModelEvaluation> evaluations, int testPerLabel, String scoredWith,
                           long relabelCount, List<PlannedTrack> library, Set<String> relabelled,
                           List<String> rejected, double seconds) {

    public void print(PrintWriter out) {
        out.printf(Locale.ROOT, "%nDemo finished in %.0f s; everything is under %s%n", seconds, layout.root());
        out.printf(Locale.ROOT, "Held-out test tracks (%d per label, split by track: none of their segments was "
                + "trained on), per track:%n", testPerLabel);
        out.printf(Locale.ROOT, "  %-8s %14s %10s%n", "model", "track accuracy", "macro F1");
        for (ModelEvaluation evaluation : evaluations) {
            out.printf(Locale.ROOT, "  %-8s %14.3f %10.3f%n", evaluation.model().name(), evaluation.track().accuracy(),
                    evaluation.track().macroF1());
        }
        Path report = layout.report();
        out.printf("Report       %s (all models compared)%n", report.resolve("report.html"));
        for (int i = 0; i < evaluations.size(); i++) {
            Path dir = i == 0 ? report : report.resolve("models").resolve(evaluations.get(i).model().name());
            out.printf("Metrics      %s (%s)%n", dir.resolve("metrics.json"), evaluations.get(i).model().name());
        }
        out.printf("Predictions  %s (test tracks, %s)%n", report.resolve("predictions.csv"),
                evaluations.get(0).model().name());
        out.printf("             %s (the library, scored with %s)%n", layout.scores().resolve("predictions.csv"),
                scoredWith);
        List<PlannedTrack> mistagged = library.stream().filter(PlannedTrack::mistagged).toList();
        long found = mistagged.stream().filter(track -> relabelled.contains(track.fileName())).count();
        out.printf(Locale.ROOT, "Relabel      %s (%d tracks whose confident prediction differs from their tag; %d of the "
                        + "%d tracks mistagged on purpose)%n", layout.scores().resolve("relabel.csv"), relabelCount,
                found, mistagged.size());
        out.printf("Rejected     %s (%s)%n", layout.features().resolve("rejected"),
                rejected.isEmpty() ? "none" : String.join(", ", rejected));
        out.printf("Next         open %s in a browser, then %s;%n", report.resolve("report.html"),
                layout.scores().resolve("relabel.csv"));
        out.printf("             train a network on the same features, e.g.%n");
        out.printf("             bin/audio-pipeline train --features %s --model cnn --output %s%n", layout.features(),
                layout.model("cnn"));
        out.flush();
    }
}
