package dev.audiopipeline.pipeline.ml;

import dev.audiopipeline.pipeline.track.ExtractionSettings;
import dev.audiopipeline.pipeline.track.SourceFeatureExtractor;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Audio features as a Spark ML stage: each input row (a file URI or a file's content, in {@code inputCol}) becomes
 * one output row per segment, with the input's columns followed by {@link AudioFeatureColumns#ADDED}: segment
 * index, start and duration, sample rate, the MFCC, log-mel and spectral-contrast matrices
 * ({@code [frame][coefficient]}), their summary statistics and the settings' hash, as the extraction job writes
 * them. An input that cannot be used (unreadable, corrupt, unsupported, too short, over the time limit) gives
 * exactly one row with null features and {@code error_reason}/{@code error_detail} set; it never disappears and
 * never fails the job.
 *
 * <p>Params and defaults: {@link AudioFeatureParams}. Saved and loaded with Spark's default params persistence,
 * also inside a {@code Pipeline} or {@code PipelineModel}.
 */
public final class AudioFeatureTransformer extends AudioFeatureParams implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    public AudioFeatureTransformer() {
        this(Identifiable.randomUID("audioFeatures"));
    }

    public AudioFeatureTransformer(String uid) {
        super(uid);
    }

    public AudioFeatureTransformer setInputCol(String value) { set(inputCol(), value); return this; }
    public AudioFeatureTransformer setSampleRate(int value) { set(sampleRate(), value); return this; }
    public AudioFeatureTransformer setNFft(int value) { set(nFft(), value); return this; }
    public AudioFeatureTransformer setHopLength(int value) { set(hopLength(), value); return this; }
    public AudioFeatureTransformer setNMels(int value) { set(nMels(), value); return this; }
    public AudioFeatureTransformer setNMfcc(int value) { set(nMfcc(), value); return this; }
    public AudioFeatureTransformer setFmin(double value) { set(fmin(), value); return this; }
    public AudioFeatureTransformer setFmax(double value) { set(fmax(), value); return this; }
    public AudioFeatureTransformer setLifter(double value) { set(lifter(), value); return this; }
    /** {@code Double.POSITIVE_INFINITY} for no floor. */
    public AudioFeatureTransformer setTopDb(double value) { set(topDb(), value); return this; }
    public AudioFeatureTransformer setContrastFmin(double value) { set(contrastFmin(), value); return this; }
    public AudioFeatureTransformer setContrastNBands(int value) { set(contrastNBands(), value); return this; }
    public AudioFeatureTransformer setContrastQuantile(double value) { set(contrastQuantile(), value); return this; }
    public AudioFeatureTransformer setSegmentSeconds(double value) { set(segmentSeconds(), value); return this; }
    public AudioFeatureTransformer setSegmentHopSeconds(double value) { set(segmentHopSeconds(), value); return this; }
    public AudioFeatureTransformer setMaxSeconds(double value) { set(maxSeconds(), value); return this; }
    public AudioFeatureTransformer setFileTimeoutSeconds(double value) {
        set(fileTimeoutSeconds(), value);
        return this;
    }

    /**
     * Checks the params and the input column, and tells the output schema (see {@link AudioFeatureColumns}).
     *
     * @throws IllegalArgumentException naming the column or param at fault
     */
    @Override
    public StructType transformSchema(StructType schema) {
        extractionSettings();
        return AudioFeatureColumns.outputSchema(schema, getInputCol());
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType input = dataset.schema();
        StructType output = transformSchema(input, true);
        ExtractionSettings settings = extractionSettings();
        String column = getInputCol();
        Broadcast<SerializableConfiguration> hadoopConfiguration = null;
        if (!AudioFeatureColumns.isBinary(input, column)) {
            SparkSession spark = dataset.sparkSession();
            hadoopConfiguration = JavaSparkContext.fromSparkContext(spark.sparkContext())
                    .broadcast(new SerializableConfiguration(spark.sparkContext().hadoopConfiguration()));
        }
        SegmentRows rows = new SegmentRows(new SourceFeatureExtractor(settings, "param fileTimeoutSeconds"),
                input.fieldIndex(column), column, hadoopConfiguration);
        return dataset.toDF().flatMap(rows, Encoders.row(output));
    }

    @Override
    public AudioFeatureTransformer copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    /** Reads a transformer written by {@link #write()} or {@link #save(String)}; Spark's Pipeline reader calls it. */
    public static MLReader<AudioFeatureTransformer> read() {
        return new DefaultParamsReader<>();
    }

    public static AudioFeatureTransformer load(String path) {
        return read().load(path);
    }
}
