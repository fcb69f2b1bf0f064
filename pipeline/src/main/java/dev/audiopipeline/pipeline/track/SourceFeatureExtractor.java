package dev.audiopipeline.pipeline.track;

import dev.audiopipeline.features.Feature;
import dev.audiopipeline.features.FeatureExtractor;
import dev.audiopipeline.features.FeatureResult;
import dev.audiopipeline.features.augment.SegmentAugmenter;
import dev.audiopipeline.pipeline.audio.SegmentedAudioReader;
import dev.audiopipeline.pipeline.decode.AudioDecoders;
import dev.audiopipeline.pipeline.decode.AudioStream;
import dev.audiopipeline.pipeline.decode.SeekableSource;
import dev.audiopipeline.pipeline.rejection.RejectedAudioException;
import dev.audiopipeline.pipeline.rejection.RejectionReason;
import dev.audiopipeline.pipeline.segment.Segment;
import dev.audiopipeline.pipeline.spark.DaemonThreads;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The features of one input, wherever its bytes are (a file on any Hadoop filesystem, an array in memory): open,
 * decode, cut into segments, compute each segment's matrices and statistics, under the per-file time limit. The
 * extract job ({@code extract.TrackFeatureExtractor}) and the ML transformer both run it, so their failure reasons and
 * details are the same. A bad input never throws: it becomes a {@link TrackFeatures} failure.
 */
public final class SourceFeatureExtractor implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Opens the input's bytes; called on the worker thread, so a slow open counts against the time limit. */
    @FunctionalInterface
    public interface Opener {
        SeekableSource open() throws IOException;
    }

    /**
     * Told about the decoder's stream once it is open, before any audio is read: a caller that wants what the
     * container says about itself (its tags) reads it here, in the same pass as decoding.
     */
    @FunctionalInterface
    public interface StreamObserver {
        StreamObserver NONE = stream -> { };

        void opened(AudioStream stream);
    }

    /** Per JVM: the threads that work on inputs under a time limit (daemons: a stuck one never blocks exit). */
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(DaemonThreads.named("extract-source"));

    private final ExtractionSettings settings;
    private final String timeLimitName;
    /** Built on first use in each JVM and shared by its threads (it keeps per-thread FFT plans). */
    private transient volatile SegmentAugmenter augmenter;

    /**
     * @param timeLimitName how the caller's users set the time limit, quoted in timeout details (e.g. "param
     *     fileTimeoutSeconds")
     */
    public SourceFeatureExtractor(ExtractionSettings settings, String timeLimitName) {
        this.settings = settings;
        this.timeLimitName = timeLimitName;
    }

    public ExtractionSettings settings() {
        return settings;
    }

    /**
     * {@link #extract} on a worker thread, given at most the settings' time: an input that takes longer is a
     * {@link RejectionReason#TIMEOUT} and its worker is interrupted (FFmpeg's reads and the segment loop give up on
     * interruption).
     *
     * @param name the input's path or another name for it, used in failure details
     * @throws InterruptedException if the calling thread is interrupted (Spark cancels the task); the input's
     *     work is cancelled too
     */
    public TrackFeatures withinTimeLimit(Opener opener, String name) throws InterruptedException {
        return withinTimeLimit(opener, name, null);
    }

    /**
     * As {@link #withinTimeLimit(Opener, String)}, adding the settings' augmented variants of every segment.
     *
     * @param variantsOf the track id that seeds the variants (a retried task computes the same ones), or null for
     *     no variants (a test-split track, or augmentation off)
     */
    public TrackFeatures withinTimeLimit(Opener opener, String name, String variantsOf) throws InterruptedException {
        return withinTimeLimit(opener, name, variantsOf, StreamObserver.NONE);
    }

    /** As {@link #withinTimeLimit(Opener, String, String)}, telling {@code observer} about the open stream. */
    public TrackFeatures withinTimeLimit(Opener opener, String name, String variantsOf, StreamObserver observer)
            throws InterruptedException {
        Future<TrackFeatures> work = WORKERS.submit(() -> extract(opener, name, variantsOf, observer));
        long limitNanos = (long) (settings.fileTimeoutSeconds() * 1e9);
        try {
            return work.get(limitNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            work.cancel(true);
            return TrackFeatures.failed(RejectionReason.TIMEOUT, name + ": not done within the "
                    + settings.fileTimeoutSeconds() + " s per-file limit (" + timeLimitName + ")");
        } catch (ExecutionException e) { // extract() turns every exception into a failure; this is an Error
            throw new IllegalStateException(name + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            work.cancel(true);
            throw e;
        }
    }

    /** The features of one input, on the calling thread and without a time limit. */
    public TrackFeatures extract(Opener opener, String name) {
        return extract(opener, name, null);
    }

    /**
     * The features of one input and, if {@code variantsOf} is not null and augmentation is on, of each segment's
     * variants (right after the segment), on the calling thread and without a time limit.
     */
    public TrackFeatures extract(Opener opener, String name, String variantsOf) {
        return extract(opener, name, variantsOf, StreamObserver.NONE);
    }

    /** As {@link #extract(Opener, String, String)}, telling {@code observer} about the open stream. */
    public TrackFeatures extract(Opener opener, String name, String variantsOf, StreamObserver observer) {
        FeatureExtractor extractor = FeatureExtractor.forSettings(settings.features());
        int variants = variantsOf == null ? 0 : settings.augmentation().variants();
        SegmentAugmenter augmenter = variants == 0 ? null : augmenter();
        List<SegmentFeatures> segments = new ArrayList<>();
        try (AudioStream stream = AudioDecoders.open(opener.open(), name)) {
            observer.opened(stream);
            new SegmentedAudioReader(settings.features().sampleRate(), settings.features().resType(),
                    settings.segments()).read(stream, name,
                    segment -> {
                        segments.add(features(segment, 0, segment.samples(), extractor, settings));
                        for (int variant = 1; variant <= variants; variant++) {
                            float[] samples = augmenter.variant(segment.samples(), variantsOf, segment.index(),
                                    variant);
                            segments.add(features(segment, variant, samples, extractor, settings));
                        }
                    });
            return TrackFeatures.of(segments);
        } catch (RejectedAudioException e) {
            return TrackFeatures.failed(e.reason(), e.detail());
        } catch (IOException e) {
            return TrackFeatures.failed(RejectionReason.UNREADABLE, name + ": " + e);
        } catch (RuntimeException e) {
            // An input must never stop the caller; the detail keeps the exception for whoever investigates.
            return TrackFeatures.failed(RejectionReason.CORRUPT, name + ": features could not be computed: " + e);
        }
    }

    private SegmentAugmenter augmenter() {
        SegmentAugmenter built = augmenter;
        if (built == null) {
            synchronized (this) {
                built = augmenter;
                if (built == null) {
                    built = new SegmentAugmenter(settings.augmentation(), settings.features().sampleRate());
                    augmenter = built;
                }
            }
        }
        return built;
    }

    /** The segment's statistics and the matrices {@code settings} stores (the others null). */
    private static SegmentFeatures features(Segment segment, int variant, float[] samples,
                                            FeatureExtractor extractor, ExtractionSettings settings) {
        FeatureResult result = extractor.extract(samples, ExtractionSettings.MATRIX_SET);
        return new SegmentFeatures(segment.index(), variant, segment.startSeconds(), segment.durationSeconds(),
                segment.sampleRate(), settings.stores(Feature.MFCC) ? result.mfcc() : null,
                settings.stores(Feature.LOGMEL) ? result.logMel() : null,
                settings.stores(Feature.CONTRAST) ? result.contrast() : null,
                result.statistics(ExtractionSettings.MATRICES).values());
    }
}
