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
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
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

    private final ExtractionSettings settings;
    private final Broadcast<SerializableConfiguration> hadoopConfiguration;

    public TrackFeatureExtractor(ExtractionSettings settings, Broadcast<SerializableConfiguration> hadoopConfiguration) {
        this.settings = settings;
        this.hadoopConfiguration = hadoopConfiguration;
    }

    @Override
    public Iterator<ExtractedRecord> call(AudioInput input) {
        return extract(input, hadoopConfiguration.value().value()).iterator();
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
            return List.of(rejection(input.path(), e.reason(), e.detail()));
        } catch (IOException e) {
            return List.of(rejection(input.path(), DecodeFailure.UNREADABLE, input.path() + ": " + e));
        } catch (RuntimeException e) {
            // A file must never stop the job; the detail keeps the exception for whoever investigates.
            return List.of(rejection(input.path(), DecodeFailure.CORRUPT,
                    input.path() + ": features could not be computed: " + e));
        }
    }

    private ExtractedRecord segmentRow(AudioInput input, Segment segment, FeatureExtractor extractor, String hash) {
        FeatureResult result = extractor.extract(segment.samples(), EnumSet.copyOf(ExtractionSettings.MATRICES));
        ExtractedRecord row = new ExtractedRecord();
        row.setTrackId(input.trackId());
        row.setPath(input.path());
        row.setLabel(input.label());
        row.setSplit(input.split().code());
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

    static ExtractedRecord rejection(String path, DecodeFailure reason, String detail) {
        ExtractedRecord row = new ExtractedRecord();
        row.setPath(path);
        row.setReason(reason.code());
        row.setDetail(detail);
        return row;
    }
}
