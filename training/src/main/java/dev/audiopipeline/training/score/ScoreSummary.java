package dev.audiopipeline.training.score;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a scoring run did, written as {@code _summary.json}.
 *
 * @param filesSeen inputs listed
 * @param filesRead inputs this run read: all of them, or for an incremental run the new and changed ones (the other
 *     counts describe the whole output)
 * @param tracksScored tracks with a prediction
 * @param filesRejected inputs set aside in {@code rejected/}
 * @param segments segments scored
 * @param uncertain tracks whose best label scored below the threshold
 * @param labelHistogram tracks per predicted label
 * @param tagged tracks whose tag maps to one of the model's labels
 * @param agreeing of those, the tracks predicted as their tag says
 * @param relabel tracks listed in {@code relabel.csv}
 * @param unmappedTags tracks tagged with genres that map to no label, by tag as written
 * @param wallSeconds the run's duration
 */
public record ScoreSummary(long filesSeen, long filesRead, long tracksScored, long filesRejected, long segments,
                           long uncertain,
                           Map<String, Long> labelHistogram, long tagged, long agreeing, long relabel,
                           Map<String, Long> unmappedTags, double wallSeconds) {

    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("files_seen", filesSeen);
        map.put("files_read", filesRead);
        map.put("tracks_scored", tracksScored);
        map.put("files_rejected", filesRejected);
        map.put("segments", segments);
        map.put("uncertain", uncertain);
        map.put("label_histogram", new TreeMap<>(labelHistogram));
        map.put("tagged_with_a_label", tagged);
        map.put("agreeing_with_tag", agreeing);
        map.put("agreement", tagged == 0 ? null : agreeing / (double) tagged);
        map.put("relabel", relabel);
        map.put("unmapped_tags", new TreeMap<>(unmappedTags));
        map.put("wall_seconds", wallSeconds);
        map.put("seconds_per_track", tracksScored == 0 ? null : wallSeconds / tracksScored);
        return map;
    }
}
