package dev.audiopipeline.pipeline.tags;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Bytes {@code [start, end)} of a file. */
record ByteRange(long start, long end) {

    ByteRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range [" + start + ", " + end + ")");
        }
    }

    long length() {
        return end - start;
    }

    /** {@code ranges} sorted, overlapping and touching ones joined, empty ones dropped. */
    static List<ByteRange> merge(List<ByteRange> ranges) {
        List<ByteRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingLong(ByteRange::start));
        List<ByteRange> merged = new ArrayList<>();
        for (ByteRange range : sorted) {
            if (range.length() == 0) {
                continue;
            }
            int last = merged.size() - 1;
            if (last >= 0 && range.start() <= merged.get(last).end()) {
                ByteRange previous = merged.get(last);
                merged.set(last, new ByteRange(previous.start(), Math.max(previous.end(), range.end())));
            } else {
                merged.add(range);
            }
        }
        return merged;
    }
}
