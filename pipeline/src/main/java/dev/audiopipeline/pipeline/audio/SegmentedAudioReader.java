package dev.audiopipeline.pipeline.audio;

import dev.audiopipeline.features.resample.ResampleType;
import dev.audiopipeline.pipeline.decode.AudioStream;
import dev.audiopipeline.pipeline.decode.AudioStreamInfo;
import dev.audiopipeline.pipeline.rejection.RejectedAudioException;
import dev.audiopipeline.pipeline.rejection.RejectionReason;
import dev.audiopipeline.pipeline.segment.Segment;
import dev.audiopipeline.pipeline.segment.SegmentSettings;
import dev.audiopipeline.pipeline.segment.Segmenter;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Streams a decoded track into segments at the feature rate: decode a block, average the channels, resample,
 * cut. Holds one decode block and one segment, never the file: memory does not grow with the track's length.
 * Decoding stops once the segment cap ({@link SegmentSettings#maxSeconds}) is reached.
 */
public final class SegmentedAudioReader {

    private final int targetRate;
    private final ResampleType resType;
    private final SegmentSettings settings;

    /** Segments at {@code targetRate}, resampled with librosa's default {@code soxr_hq}. */
    public SegmentedAudioReader(int targetRate, SegmentSettings settings) {
        this(targetRate, ResampleType.DEFAULT, settings);
    }

    public SegmentedAudioReader(int targetRate, ResampleType resType, SegmentSettings settings) {
        this.targetRate = targetRate;
        this.resType = resType;
        this.settings = settings;
    }

    /** What reading one track gave. */
    public record Summary(AudioStreamInfo source, int segments, double secondsUsed) {}

    /**
     * Reads {@code stream} to its end (or the cap) and hands each segment to {@code consumer} as soon as it is cut.
     * Does not close the stream.
     *
     * @throws RejectedAudioException from the decoder, or {@link RejectionReason#TOO_SHORT} when the track gives no
     *     segment (shorter than one segment under {@link SegmentSettings.TailPolicy#DROP}, or than the kept tail)
     */
    public Summary read(AudioStream stream, String name, Consumer<Segment> consumer) throws IOException {
        AudioStreamInfo info = stream.info();
        Segmenter segmenter = new Segmenter(targetRate, settings, consumer);
        MonoResamplingPump.pump(stream, targetRate, resType, segmenter::accept, segmenter::isFull, name);
        int segments = segmenter.finish();
        double secondsUsed = segmenter.samplesUsed() / (double) targetRate;
        if (segments == 0) {
            throw new RejectedAudioException(RejectionReason.TOO_SHORT, String.format(java.util.Locale.ROOT,
                    "%s: %.2f s of audio, shorter than one %.2f s segment", name, secondsUsed,
                    settings.segmentSeconds()));
        }
        return new Summary(info, segments, secondsUsed);
    }
}
