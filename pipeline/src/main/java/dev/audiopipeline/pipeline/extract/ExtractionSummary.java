package dev.audiopipeline.pipeline.extract;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one extraction run did; written as {@code _summary.json} (and {@code _runs/<run>.json}).
 * {@code filesSeen = filesOk + filesRejected + filesUnchanged}.
 *
 * @param filesSeen inputs listed (including manifest entries whose file is missing)
 * @param filesOk inputs this run processed that gave segments
 * @param filesRejected inputs this run put in {@code rejected/}
 * @param segments rows this run added to {@code features/} (augmented variants included)
 * @param audioSeconds seconds of audio in those segments (padding and variants excluded)
 * @param wallSeconds the run's duration, listing to summary
 * @param run the run's id: its rows are in the {@code run=<id>} partitions
 * @param incremental whether the run was incremental
 * @param filesNew listed inputs the output did not hold
 * @param filesChanged listed inputs whose size, modification time, label or split changed: their rows were replaced
 * @param filesUnchanged listed inputs skipped because the output holds them as they are
 * @param filesRemoved inputs the output holds that were not listed this time (their rows are kept)
 */
public record ExtractionSummary(long filesSeen, long filesOk, long filesRejected, long segments, double audioSeconds,
                                double wallSeconds, String run, boolean incremental, long filesNew,
                                long filesChanged, long filesUnchanged, long filesRemoved) {

    /** The run's {@code _summary.json}. */
    public Map<String, Object> asMap() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("files_seen", filesSeen);
        json.put("files_ok", filesOk);
        json.put("files_rejected", filesRejected);
        json.put("segments", segments);
        json.put("audio_seconds", audioSeconds);
        json.put("wall_seconds", wallSeconds);
        json.put("run", run);
        json.put("incremental", incremental);
        json.put("files_new", filesNew);
        json.put("files_changed", filesChanged);
        json.put("files_unchanged", filesUnchanged);
        json.put("files_removed", filesRemoved);
        return json;
    }
}
