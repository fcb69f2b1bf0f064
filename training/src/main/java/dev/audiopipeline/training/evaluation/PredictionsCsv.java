package dev.audiopipeline.training.evaluation;

import dev.audiopipeline.training.prediction.Labels;
import dev.audiopipeline.training.prediction.ProbabilityColumns;
import dev.audiopipeline.training.prediction.TrackPrediction;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@code predictions.csv} of {@code evaluate}: a header, then one row per track: {@code path}, {@code track_id},
 * {@code label}, {@code predicted_label}, then the track's mean probability of every label in the model's label
 * order, under {@link ProbabilityColumns} names. RFC 4180: fields holding a comma, a quote, a CR or LF are quoted,
 * quotes doubled; lines end with CRLF; numbers as Java's {@link Double#toString} (they read back exactly).
 */
public final class PredictionsCsv {
    private PredictionsCsv() {
    }

    public static void write(Labels labels, Collection<TrackPrediction> tracks, Writer out) throws IOException {
        List<String> header = new ArrayList<>(List.of("path", "track_id", "label", "predicted_label"));
        header.addAll(ProbabilityColumns.names(labels));
        CsvLine.write(header, out);
        for (TrackPrediction track : tracks) {
            if (!track.labels().equals(labels)) {
                throw new IllegalArgumentException("track " + track.trackId() + " was predicted over labels "
                        + track.labels() + ", not " + labels);
            }
            List<String> row = new ArrayList<>(header.size());
            row.add(track.path());
            row.add(track.trackId());
            row.add(track.label() == null ? "" : track.label());
            row.add(track.predictedLabel());
            for (double probability : track.meanProbabilities()) {
                row.add(Double.toString(probability));
            }
            CsvLine.write(row, out);
        }
        out.flush();
    }
}
