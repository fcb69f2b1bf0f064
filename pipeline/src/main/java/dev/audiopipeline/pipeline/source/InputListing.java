package dev.audiopipeline.pipeline.source;

import java.util.List;

/**
 * What listing an input root or manifest found: the usable inputs, sorted by path, and the entries that cannot be
 * used (a manifest line naming a missing file), plus the layout that was recognised.
 */
public record InputListing(InputLayout layout, List<AudioInput> inputs, List<InputRejection> rejected) {

    public InputListing {
        inputs = List.copyOf(inputs);
        rejected = List.copyOf(rejected);
    }
}
