package dev.audiopipeline.training.score;

import dev.audiopipeline.pipeline.decode.SeekableSource;
import dev.audiopipeline.pipeline.extract.ExtractionProgress;
import dev.audiopipeline.pipeline.source.AudioInput;
import dev.audiopipeline.pipeline.source.HadoopFileSource;
import dev.audiopipeline.pipeline.store.RejectedInput;
import dev.audiopipeline.pipeline.tags.ExistingTags;
import dev.audiopipeline.pipeline.tags.FfmpegTags;
import dev.audiopipeline.pipeline.tags.LabelMapping;
import dev.audiopipeline.pipeline.tags.MappedTag;
import dev.audiopipeline.pipeline.tags.TagReader;
import dev.audiopipeline.pipeline.track.ExtractionSettings;
import dev.audiopipeline.pipeline.track.SegmentFeatures;
import dev.audiopipeline.pipeline.track.SourceFeatureExtractor;
import dev.audiopipeline.pipeline.track.TrackFeatures;
import dev.audiopipeline.training.datasets.SegmentRow;
import dev.audiopipeline.training.networks.FeatureInput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.SerializableConfiguration;

/**
 * One library file on an executor: its genre tag (jaudiotagger, else FFmpeg's metadata of the stream the decoder
 * opened: one pass), decoded and cut with the bundle's settings, each segment's features (only the matrices the
 * model reads are kept), as segment rows carrying the tag. A file gives all its rows or exactly one rejection.
 */
final class LibraryTracks implements FlatMapFunction<AudioInput, SegmentRow> {
    private static final long serialVersionUID = 1L;

    private final SourceFeatureExtractor extractor;
    private final Set<FeatureInput> inputs;
    private final List<String> labels;
    private final LabelMapping mapping;
    private final TagReader tags;
    private final Broadcast<SerializableConfiguration> hadoopConfiguration;
    private final ExtractionProgress.Counters progress;
    private final CollectionAccumulator<RejectedInput> rejections;

    LibraryTracks(ExtractionSettings settings, Set<FeatureInput> inputs, List<String> labels, LabelMapping mapping,
                  Broadcast<SerializableConfiguration> hadoopConfiguration, ExtractionProgress.Counters progress,
                  CollectionAccumulator<RejectedInput> rejections) {
        this.extractor = new SourceFeatureExtractor(settings, "setting score.file-timeout-seconds");
        this.inputs = Set.copyOf(inputs);
        this.labels = List.copyOf(labels);
        this.mapping = mapping;
        this.tags = TagReader.inTempDirectory();
        this.hadoopConfiguration = hadoopConfiguration;
        this.progress = progress;
        this.rejections = rejections;
    }

    @Override
    public Iterator<SegmentRow> call(AudioInput input) throws InterruptedException {
        Configuration conf = hadoopConfiguration.value().value();
        AtomicReference<ExistingTags> fromFile = new AtomicReference<>(ExistingTags.none("not read"));
        AtomicReference<ExistingTags> found = new AtomicReference<>();
        TrackFeatures track = extractor.withinTimeLimit(() -> {
            SeekableSource source = HadoopFileSource.open(conf, input.path(), input.sizeBytes());
            fromFile.set(tags.read(source, input.path()));
            return source;
        }, input.path(), null, stream -> found.set(fromFile.get().orElse(() -> FfmpegTags.of(stream.metadata()))));
        progress.files().add(1);
        if (track.isFailure()) {
            rejections.add(new RejectedInput(input.path(), track.failure().code(), track.detail(), null, null,
                    input.sizeBytes(), input.modificationTime()));
            return Collections.emptyIterator();
        }
        progress.filesOk().add(1);
        progress.segments().add(track.segments().size());
        ExistingTags existing = found.get() == null ? fromFile.get() : found.get();
        MappedTag tag = mapping.map(existing, labels);
        String values = existing.found() ? String.join("; ", existing.names()) : null;
        List<SegmentRow> rows = new ArrayList<>(track.segments().size());
        for (SegmentFeatures segment : track.segments()) {
            progress.audioSeconds().add(segment.durationSeconds());
            rows.add(row(input, segment, tag, values));
        }
        return rows.iterator();
    }

    private SegmentRow row(AudioInput input, SegmentFeatures segment, MappedTag tag, String values) {
        SegmentRow row = new SegmentRow();
        row.setTrackId(input.trackId());
        row.setPath(input.path());
        row.setLabel(tag.label());
        row.setSegment(segment.index());
        row.setVariant(segment.variant());
        row.setMfcc(inputs.contains(FeatureInput.MFCC) ? segment.mfcc() : null);
        row.setLogmel(inputs.contains(FeatureInput.LOGMEL) ? segment.logmel() : null);
        row.setContrast(inputs.contains(FeatureInput.CONTRAST) ? segment.contrast() : null);
        row.setStats(inputs.contains(FeatureInput.STATS) ? segment.stats() : null);
        row.setTagSource(tag.source().code());
        row.setTagValues(values);
        return row;
    }
}
