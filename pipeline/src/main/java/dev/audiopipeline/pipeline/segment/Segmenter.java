package dev.audiopipeline.pipeline.segment;

import java.util.function.Consumer;

/**
 * Cuts a stream of mono samples into fixed-length segments as the samples arrive ({@link #accept}), holding only
 * one segment of audio: an hour-long file goes through in constant memory. Segments start every hop; with a hop
 * shorter than the length they overlap, with a longer hop the audio between them is skipped. Samples past the
 * cap ({@link SegmentSettings#maxSeconds}) are ignored; {@link #isFull()} tells the reader it can stop decoding.
 *
 * <p>Not thread-safe: one per track.
 */
public final class Segmenter {

    private final int sampleRate;
    private final int length;
    private final int hop;
    private final long maxSamples;
    private final SegmentSettings settings;
    private final Consumer<Segment> out;

    /** The current window: {@code window[0..filled)} are samples from {@code windowStart} on. */
    private final float[] window;
    private int filled;
    private long windowStart;
    /** Samples still to skip before the next window starts (a hop longer than the length). */
    private long toSkip;
    /** Leading samples of the window that the previous segment already held (overlap). */
    private int carried;
    private long received;
    private int emitted;
    private boolean finished;

    public Segmenter(int sampleRate, SegmentSettings settings, Consumer<Segment> out) {
        this.sampleRate = sampleRate;
        this.settings = settings;
        this.length = settings.segmentSamples(sampleRate);
        this.hop = settings.hopSamples(sampleRate);
        this.maxSamples = settings.maxSamples(sampleRate);
        this.out = out;
        this.window = new float[length];
    }

    /** Takes {@code samples[offset .. offset+count)}, the next samples of the track; emits every segment completed. */
    public void accept(float[] samples, int offset, int count) {
        if (finished) {
            throw new IllegalStateException("segmenter already finished");
        }
        int end = offset + (int) Math.min(count, Math.max(0, maxSamples - received));
        received += end - offset;
        int at = offset;
        while (at < end) {
            if (toSkip > 0) {
                int skip = (int) Math.min(toSkip, end - at);
                toSkip -= skip;
                at += skip;
                continue;
            }
            int take = Math.min(length - filled, end - at);
            System.arraycopy(samples, at, window, filled, take);
            filled += take;
            at += take;
            if (filled == length) {
                emit(length);
                advance();
            }
        }
    }

    /** True once the cap is reached: further samples would be ignored, so the caller may stop decoding. */
    public boolean isFull() {
        return received >= maxSamples;
    }

    /** Ends the track: emits a padded tail if the policy keeps it. Returns the number of segments emitted. */
    public int finish() {
        if (!finished) {
            finished = true;
            boolean keepTail = settings.tail() == SegmentSettings.TailPolicy.PAD
                    && filled > carried && filled >= settings.minTailFraction() * length;
            if (keepTail) {
                java.util.Arrays.fill(window, filled, length, 0f);
                emit(filled);
            }
        }
        return emitted;
    }

    /** Samples received and used (at most the cap). */
    public long samplesUsed() {
        return received;
    }

    private void emit(int audioSamples) {
        out.accept(new Segment(emitted++, windowStart, sampleRate, window.clone(), audioSamples));
    }

    /** Moves the window start on by one hop, keeping the overlap or scheduling the gap. */
    private void advance() {
        windowStart += hop;
        if (hop < length) {
            System.arraycopy(window, hop, window, 0, length - hop);
            filled = length - hop;
            carried = filled;
        } else {
            filled = 0;
            carried = 0;
            toSkip = hop - length;
        }
    }
}
