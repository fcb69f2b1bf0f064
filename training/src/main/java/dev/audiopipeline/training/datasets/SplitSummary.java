package dev.audiopipeline.training.datasets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Rows (segments, augmented variants included) and tracks per split and label: logged before training starts and
 * stored in the bundle.
 *
 * @param counts one entry per split and label that has rows
 * @param unlabelledRows rows left out because their track has no label
 */
public record SplitSummary(List<Count> counts, long unlabelledRows) {

    /** The rows and tracks of one label in one split. */
    public record Count(DataSplit split, String label, long rows, long tracks) {}

    public SplitSummary {
        counts = List.copyOf(counts);
    }

    public long rows(DataSplit split) {
        return counts.stream().filter(c -> c.split() == split).mapToLong(Count::rows).sum();
    }

    public long tracks(DataSplit split) {
        return counts.stream().filter(c -> c.split() == split).mapToLong(Count::tracks).sum();
    }

    public long tracks(DataSplit split, String label) {
        return counts.stream().filter(c -> c.split() == split && c.label().equals(label)).mapToLong(Count::tracks)
                .sum();
    }

    /** {@code {train: {rock: {rows, tracks}, ...}, validation: ..., test: ..., unlabelled_rows}}. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (DataSplit split : DataSplit.values()) {
            Map<String, Object> labels = new LinkedHashMap<>();
            for (Count count : counts) {
                if (count.split() == split) {
                    labels.put(count.label(), Map.of("rows", count.rows(), "tracks", count.tracks()));
                }
            }
            map.put(split.code(), labels);
        }
        map.put("unlabelled_rows", unlabelledRows);
        return map;
    }

    /** A table for the log: one line per label, rows/tracks in each split. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-20s %18s %18s %18s", "label (rows/tracks)", "train", "validation",
                "test"));
        for (String label : new TreeSet<>(counts.stream().map(Count::label).toList())) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-20s", label));
            for (DataSplit split : DataSplit.values()) {
                long rows = counts.stream().filter(c -> c.split() == split && c.label().equals(label))
                        .mapToLong(Count::rows).sum();
                line.append(String.format(Locale.ROOT, " %18s", rows + "/" + tracks(split, label)));
            }
            lines.add(line.toString());
        }
        lines.add(String.format(Locale.ROOT, "%-20s %18s %18s %18s", "all", rows(DataSplit.TRAIN) + "/"
                + tracks(DataSplit.TRAIN), rows(DataSplit.VALIDATION) + "/" + tracks(DataSplit.VALIDATION),
                rows(DataSplit.TEST) + "/" + tracks(DataSplit.TEST)));
        if (unlabelledRows > 0) {
            lines.add(unlabelledRows + " rows of unlabelled tracks left out");
        }
        return lines;
    }
}
