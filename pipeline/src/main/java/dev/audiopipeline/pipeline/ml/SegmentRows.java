package dev.audiopipeline.pipeline.ml;

import dev.audiopipeline.pipeline.decode.ByteArraySource;
import dev.audiopipeline.pipeline.rejection.RejectionReason;
import dev.audiopipeline.pipeline.source.HadoopFileSource;
import dev.audiopipeline.pipeline.track.SegmentFeatures;
import dev.audiopipeline.pipeline.track.SourceFeatureExtractor;
import dev.audiopipeline.pipeline.track.TrackFeatures;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.SerializableConfiguration;

/**
 * One input row to its output rows: the input's columns followed by {@link AudioFeatureColumns#ADDED}, one row per
 * segment, or one error row when the input cannot be used. Matrices go to the row as Java {@code float[][]}, which
 * Spark's row encoder takes as they are (no per-value boxing here).
 */
final class SegmentRows implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private static final int SEGMENT = index(AudioFeatureColumns.SEGMENT);
    private static final int START_S = index(AudioFeatureColumns.START_S);
    private static final int DURATION_S = index(AudioFeatureColumns.DURATION_S);
    private static final int SAMPLE_RATE = index(AudioFeatureColumns.SAMPLE_RATE);
    private static final int MFCC = index(AudioFeatureColumns.MFCC);
    private static final int LOGMEL = index(AudioFeatureColumns.LOGMEL);
    private static final int CONTRAST = index(AudioFeatureColumns.CONTRAST);
    private static final int STATS = index(AudioFeatureColumns.STATS);
    private static final int CONFIG_HASH = index(AudioFeatureColumns.CONFIG_HASH);
    private static final int ERROR_REASON = index(AudioFeatureColumns.ERROR_REASON);
    private static final int ERROR_DETAIL = index(AudioFeatureColumns.ERROR_DETAIL);

    private final SourceFeatureExtractor extractor;
    private final String configHash;
    private final int inputIndex;
    private final String inputCol;
    /** Null for a binary input column: content needs no filesystem. */
    private final Broadcast<SerializableConfiguration> hadoopConfiguration;

    SegmentRows(SourceFeatureExtractor extractor, int inputIndex, String inputCol,
                Broadcast<SerializableConfiguration> hadoopConfiguration) {
        this.extractor = extractor;
        this.configHash = extractor.settings().features().hash();
        this.inputIndex = inputIndex;
        this.inputCol = inputCol;
        this.hadoopConfiguration = hadoopConfiguration;
    }

    @Override
    public Iterator<Row> call(Row input) throws InterruptedException {
        return rows(input, features(input)).iterator();
    }

    private TrackFeatures features(Row input) throws InterruptedException {
        if (input.isNullAt(inputIndex)) {
            return TrackFeatures.failed(RejectionReason.UNREADABLE, "input column '" + inputCol + "' is null");
        }
        if (hadoopConfiguration == null) {
            byte[] content = (byte[]) input.get(inputIndex);
            return extractor.withinTimeLimit(() -> new ByteArraySource(content), inputCol);
        }
        String uri = input.getString(inputIndex);
        return extractor.withinTimeLimit(() -> HadoopFileSource.open(hadoopConfiguration.value().value(), uri), uri);
    }

    private List<Row> rows(Row input, TrackFeatures track) {
        int width = input.length();
        if (track.isFailure()) {
            Object[] values = inputValues(input, width);
            values[width + CONFIG_HASH] = configHash;
            values[width + ERROR_REASON] = track.failure().code();
            values[width + ERROR_DETAIL] = track.detail();
            return List.of(RowFactory.create(values));
        }
        List<Row> rows = new ArrayList<>(track.segments().size());
        for (SegmentFeatures segment : track.segments()) {
            Object[] values = inputValues(input, width);
            values[width + SEGMENT] = segment.index();
            values[width + START_S] = segment.startSeconds();
            values[width + DURATION_S] = segment.durationSeconds();
            values[width + SAMPLE_RATE] = segment.sampleRate();
            values[width + MFCC] = segment.mfcc();
            values[width + LOGMEL] = segment.logmel();
            values[width + CONTRAST] = segment.contrast();
            values[width + STATS] = segment.stats();
            values[width + CONFIG_HASH] = configHash;
            rows.add(RowFactory.create(values));
        }
        return rows;
    }

    private static int index(String column) {
        return AudioFeatureColumns.ADDED.fieldIndex(column);
    }

    private static Object[] inputValues(Row input, int width) {
        Object[] values = new Object[width + AudioFeatureColumns.ADDED.size()];
        for (int i = 0; i < width; i++) {
            values[i] = input.get(i);
        }
        return values;
    }
}
