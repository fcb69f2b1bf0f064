package dev.audiopipeline.pipeline.extract;

import dev.audiopipeline.pipeline.source.AudioInput;
import dev.audiopipeline.pipeline.source.HadoopFileSource;
import dev.audiopipeline.pipeline.source.Split;
import dev.audiopipeline.pipeline.store.RejectedInput;
import dev.audiopipeline.pipeline.track.ExtractionSettings;
import dev.audiopipeline.pipeline.track.SegmentFeatures;
import dev.audiopipeline.pipeline.track.SourceFeatureExtractor;
import dev.audiopipeline.pipeline.track.TrackFeatures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.SerializableConfiguration;

/**
 * The work of one listed input on an executor: {@link SourceFeatureExtractor} over the file opened through Hadoop,
 * turned into the job's rows. A track gives all its segment rows or, if anything goes wrong with it, exactly one
 * rejection and no segment row: a file that breaks halfway never leaves half its segments behind. Rejections go to
 * an accumulator, not into the row stream, so the job writes its features in one pass without keeping the
 * matrices to look for rejections afterwards (Spark applies a result task's accumulator updates once, also when
 * the task was retried).
 */
public final class TrackFeatureExtractor implements FlatMapFunction<AudioInput, ExtractedRecord> {
    private static final long serialVersionUID = 1L;

    private final SourceFeatureExtractor extractor;
    private final Broadcast<SerializableConfiguration> hadoopConfiguration;
    private final ExtractionProgress.Counters progress;
    private final CollectionAccumulator<RejectedInput> rejections;

    public TrackFeatureExtractor(ExtractionSettings settings, Broadcast<SerializableConfiguration> hadoopConfiguration,
                                 ExtractionProgress.Counters progress, CollectionAccumulator<RejectedInput> rejections) {
        this.extractor = new SourceFeatureExtractor(settings, "setting extract.file-timeout-seconds");
        this.hadoopConfiguration = hadoopConfiguration;
        this.progress = progress;
        this.rejections = rejections;
    }

    @Override
    public Iterator<ExtractedRecord> call(AudioInput input) throws InterruptedException {
        TrackFeatures track = withinTimeLimit(input, hadoopConfiguration.value().value());
        progress.files().add(1);
        if (track.isFailure()) {
            rejections.add(new RejectedInput(input.path(), track.failure().code(), track.detail(), input.label(),
                    input.split().code(), input.sizeBytes(), input.modificationTime()));
            return Collections.emptyIterator();
        }
        progress.segments().add(track.segments().size());
        progress.filesOk().add(1);
        String hash = extractor.settings().features().hash();
        List<ExtractedRecord> rows = new ArrayList<>(track.segments().size());
        for (SegmentFeatures segment : track.segments()) {
            if (segment.variant() == 0) {
                progress.audioSeconds().add(segment.durationSeconds());
            }
            rows.add(row(input, segment, hash));
        }
        return rows.iterator();
    }

    /**
     * The features of one input, under the per-file time limit (see {@link SourceFeatureExtractor#withinTimeLimit});
     * training tracks' segments come with their augmented variants.
     */
    TrackFeatures withinTimeLimit(AudioInput input, Configuration conf) throws InterruptedException {
        // Augmented variants only for training tracks: a test split of altered copies would flatter the model.
        String variantsOf = input.split() == Split.TRAIN ? input.trackId() : null;
        return extractor.withinTimeLimit(
                () -> HadoopFileSource.open(conf, input.path(), input.sizeBytes()), input.path(), variantsOf);
    }

    private static ExtractedRecord row(AudioInput input, SegmentFeatures segment, String hash) {
        ExtractedRecord row = new ExtractedRecord();
        row.setTrackId(input.trackId());
        row.setPath(input.path());
        row.setLabel(input.label());
        row.setSplit(input.split().code());
        row.setSourceSize(input.sizeBytes());
        row.setSourceMtimeMs(input.modificationTime());
        row.setSegment(segment.index());
        row.setVariant(segment.variant());
        row.setStartS(segment.startSeconds());
        row.setDurationS(segment.durationSeconds());
        row.setSampleRate(segment.sampleRate());
        row.setMfcc(segment.mfcc());
        row.setLogmel(segment.logmel());
        row.setContrast(segment.contrast());
        row.setStats(segment.stats());
        row.setConfigHash(hash);
        return row;
    }
}
