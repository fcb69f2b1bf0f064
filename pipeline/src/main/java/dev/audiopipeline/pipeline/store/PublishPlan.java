package dev.audiopipeline.pipeline.store;

import java.util.List;
import java.util.Map;

/**
 * The last step of a run, written down before it starts ({@code _staging/<run>/_publish.json}) so that a run
 * interrupted while publishing is completed by the next one. Every step is safe to redo: a move whose source is gone
 * was done, a delete of a missing file was done.
 *
 * @param run the run's id
 * @param moves staged directories and files to their place in the output, in order: the run's own partitions
 *     first, then the rewritten data files
 * @param deletes the data files the rewritten ones replace
 * @param summary the run's {@code _summary.json}
 * @param featureSettings the output's {@code _feature_settings.json}
 */
public record PublishPlan(String run, List<Move> moves, List<String> deletes, Map<String, Object> summary,
                          Map<String, Object> featureSettings) {

    public PublishPlan {
        moves = List.copyOf(moves);
        deletes = List.copyOf(deletes);
    }

    /** One rename, from staging into the output. */
    public record Move(String from, String to) {}
}
