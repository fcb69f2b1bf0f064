package dev.audiopipeline.pipeline.extract;

/**
 * What one extraction run did; written as {@code _summary.json}.
 *
 * @param filesSeen inputs listed (including manifest entries whose file is missing)
 * @param filesOk inputs that gave segments
 * @param filesRejected inputs in {@code rejected/}
 * @param segments rows in {@code features/}
 * @param audioSeconds seconds of audio in those segments (padding excluded)
 * @param wallSeconds the run's duration, listing to summary
 */
public record ExtractionSummary(long filesSeen, long filesOk, long filesRejected, long segments, double audioSeconds,
                                double wallSeconds) {}
