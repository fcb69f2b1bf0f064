package dev.audiopipeline.pipeline.extract;

import dev.audiopipeline.features.FeatureExtractor;
import dev.audiopipeline.features.FeatureResult;
import dev.audiopipeline.pipeline.audio.SegmentedAudioReader;
import dev.audiopipeline.pipeline.decode.AudioDecodeException;
import dev.audiopipeline.pipeline.decode.AudioDecoders;
import dev.audiopipeline.pipeline.decode.AudioStream;
import dev.audiopipeline.pipeline.decode.DecodeFailure;
import dev.audiopipeline.pipeline.segment.Segment;
import dev.audiopipeline.pipeline.source.AudioInput;
import dev.audiopipeline.pipeline.source.HadoopFileSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;

/**
 * The work of one input on an executor: open it through Hadoop, decode, cut into segments, compute every segment's
 * features. A track gives all its segment rows or, if anything goes wrong with it, exactly one rejection row and
 * no segment row: a file that breaks halfway never leaves half its segments behind.
 */
public final class TrackFeatureExtractor implements FlatMapFunction<AudioInput, ExtractedRecord> {
    private static final long serialVersionUID = 1L;

    /** Per executor JVM: the threads that work on files under a time limit (daemons: a stuck one never blocks exit). */
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "extract-file");
        thread.setDaemon(true);
        return thread;
    });

    private final ExtractionSettings settings;
    private final Broadcast<SerializableConfiguration> hadoopConfiguration;
    private final ExtractionProgress.Counters progress;

    public TrackFeatureExtractor(ExtractionSettings settings, Broadcast<SerializableConfiguration> hadoopConfiguration,
                                 ExtractionProgress.Counters progress) {
        this.settings = settings;
        this.hadoopConfiguration = hadoopConfiguration;
        this.progress = progress;
    }

    @Override
    public Iterator<ExtractedRecord> call(AudioInput input) throws InterruptedException {
        List<ExtractedRecord> rows = withinTimeLimit(input, hadoopConfiguration.value().value());
        progress.files().add(1);
        if (!rows.get(0).holdsRejection()) {
            progress.segments().add(rows.size());
        }
        return rows.iterator();
    }

    /**
     * {@link #extract} on a worker thread, given at most the settings' time: a file that takes longer is rejected as
     * {@link DecodeFailure#TIMEOUT} and its worker interrupted (FFmpeg's reads and the segment loop give up on
     * interruption; a worker stuck elsewhere in native code stays behind, and the task goes on with its next file).
     */
    public List<ExtractedRecord> withinTimeLimit(AudioInput input, Configuration conf) throws InterruptedException {
        Future<List<ExtractedRecord>> work = WORKERS.submit(() -> extract(input, conf));
        long limitNanos = (long) (settings.fileTimeoutSeconds() * 1e9);
        try {
            return work.get(limitNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            work.cancel(true);
            return List.of(rejection(input, DecodeFailure.TIMEOUT, input.path() + ": not done within the "
                    + settings.fileTimeoutSeconds() + " s per-file limit (setting extract.file-timeout-seconds)"));
        } catch (ExecutionException e) { // extract() turns every exception into a rejection; this is an Error
            throw new IllegalStateException(input.path() + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) { // Spark cancels the task: stop the file too
            work.cancel(true);
            throw e;
        }
    }

    /** The rows of one input (also usable without Spark). */
    public List<ExtractedRecord> extract(AudioInput input, Configuration conf) {
        FeatureExtractor extractor = FeatureExtractor.forSettings(settings.features());
        String hash = settings.features().hash();
        List<ExtractedRecord> rows = new ArrayList<>();
        try (AudioStream stream = AudioDecoders.open(
                HadoopFileSource.open(conf, input.path(), input.sizeBytes()), input.path())) {
            new SegmentedAudioReader(settings.features().sampleRate(), settings.segments())
                    .read(stream, input.path(), segment -> rows.add(segmentRow(input, segment, extractor, hash)));
            return rows;
        } catch (AudioDecodeException e) {
            return List.of(rejection(input, e.reason(), e.detail()));
        } catch (IOException e) {
            return List.of(rejection(input, DecodeFailure.UNREADABLE, input.path() + ": " + e));
        } catch (RuntimeException e) {
            // A file must never stop the job; the detail keeps the exception for whoever investigates.
            return List.of(rejection(input, DecodeFailure.CORRUPT,
                    input.path() + ": features could not be computed: " + e));
        }
    }

    private ExtractedRecord segmentRow(AudioInput input, Segment segment, FeatureExtractor extractor, String hash) {
        FeatureResult result = extractor.extract(segment.samples(), ExtractionSettings.MATRIX_SET);
        ExtractedRecord row = identity(input);
        row.setTrackId(input.trackId());
        row.setSegment(segment.index());
        row.setStartS(segment.startSeconds());
        row.setDurationS(segment.durationSeconds());
        row.setSampleRate(segment.sampleRate());
        row.setMfcc(result.mfcc());
        row.setLogmel(result.logMel());
        row.setContrast(result.contrast());
        row.setStats(result.statistics(ExtractionSettings.MATRICES).values());
        row.setConfigHash(hash);
        return row;
    }

    static ExtractedRecord rejection(AudioInput input, DecodeFailure reason, String detail) {
        ExtractedRecord row = identity(input);
        row.setReason(reason.code());
        row.setDetail(detail);
        return row;
    }

    /** What every row of an input carries: its path, the identity an incremental run compares, label and split. */
    private static ExtractedRecord identity(AudioInput input) {
        ExtractedRecord row = new ExtractedRecord();
        row.setPath(input.path());
        row.setLabel(input.label());
        row.setSplit(input.split().code());
        row.setSourceSize(input.sizeBytes());
        row.setSourceMtimeMs(input.modificationTime());
        return row;
    }
}
