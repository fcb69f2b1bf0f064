package dev.audiopipeline.pipeline.track;

/**
 * The features of one segment: where it lies in the track and its matrices, each {@code [frame][coefficient]}.
 *
 * @param index 0, 1, 2, ... in order of start
 * @param variant 0 for the segment as it is, 1..N for its augmented variants
 * @param startSeconds where the segment starts in the track
 * @param durationSeconds seconds of audio in it (padding excluded)
 * @param sampleRate the rate the features were computed at
 * @param mfcc null when the settings do not store it ({@link ExtractionSettings#storedMatrices}); so are
 *     {@code logmel} and {@code contrast}
 * @param stats summary statistics of {@link ExtractionSettings#MATRICES}, in that order, whichever are stored
 */
public record SegmentFeatures(int index, int variant, double startSeconds, double durationSeconds, int sampleRate,
                              float[][] mfcc, float[][] logmel, float[][] contrast, double[] stats) {
}
