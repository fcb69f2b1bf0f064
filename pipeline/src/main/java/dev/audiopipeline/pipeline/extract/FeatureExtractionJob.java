package dev.audiopipeline.pipeline.extract;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.audiopipeline.features.SummaryStatistics;
import dev.audiopipeline.pipeline.source.InputListing;
import dev.audiopipeline.pipeline.source.InputRejection;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.SerializableConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feature extraction job: spreads the listed inputs over the executors (about 8 files per task), and
 * writes under the output
 * <ul>
 *   <li>{@code features/}: Parquet, one row per segment: {@code track_id, path, label, split, segment, start_s,
 *       duration_s, sample_rate, mfcc, logmel, contrast} (matrices {@code [frame][coefficient]}), {@code stats}
 *       (see {@code _feature_settings.json} for the names), {@code config_hash};</li>
 *   <li>{@code rejected/}: Parquet, one row per input that could not be used: {@code path, reason, detail};</li>
 *   <li>{@code _feature_settings.json}: every feature and segment setting, the hash, the statistics' names;</li>
 *   <li>{@code _summary.json}: {@code files_seen, files_ok, files_rejected, segments, audio_seconds,
 *       wall_seconds}.</li>
 * </ul>
 * Spark's output commit protocol makes each directory appear whole or not at all, also when tasks are retried
 * after an executor died.
 */
public final class FeatureExtractionJob {

    public static final String FEATURES = "features";
    public static final String REJECTED = "rejected";
    public static final String SUMMARY = "_summary.json";
    public static final String FEATURE_SETTINGS = "_feature_settings.json";

    private static final Logger LOG = LoggerFactory.getLogger(FeatureExtractionJob.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** How often the driver logs progress while the job runs. */
    private static final long PROGRESS_SECONDS = 10;
    /**
     * About this many files per task (at least one task per core, at most {@link #MAX_TASKS}): small tasks balance
     * the cores, redo little when retried and move the progress (counted when a task ends) steadily, while each
     * task's Parquet writer setup and output file stay worth it (one file per task measured 40 % slower).
     */
    private static final int FILES_PER_TASK = 8;
    private static final int MAX_TASKS = 10_000;

    private final SparkSession spark;

    public FeatureExtractionJob(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * Runs the job.
     *
     * @throws FileAlreadyExistsException if the output already holds features (nothing is written then)
     */
    public ExtractionSummary run(InputListing listing, ExtractionSettings settings, String outputUri)
            throws IOException {
        long start = System.nanoTime();
        Configuration hadoopConf = spark.sparkContext().hadoopConfiguration();
        Path output = new Path(outputUri);
        FileSystem fs = output.getFileSystem(hadoopConf);
        if (fs.exists(new Path(output, FEATURES))) {
            throw new FileAlreadyExistsException(outputUri + " already holds " + FEATURES
                    + "/: choose a new output directory");
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int inputs = listing.inputs().size();
        LOG.info("extracting features of {} files ({} layout) into {}", inputs, listing.layout(), outputUri);

        Broadcast<SerializableConfiguration> conf = context.broadcast(new SerializableConfiguration(hadoopConf));
        int slices = Math.max(1, Math.min(MAX_TASKS,
                Math.max(Math.min(inputs, context.defaultParallelism()), (inputs + FILES_PER_TASK - 1) / FILES_PER_TASK)));
        ExtractionProgress progress = new ExtractionProgress(spark.sparkContext(), inputs, PROGRESS_SECONDS, LOG);
        JavaRDD<ExtractedRecord> records = context.parallelize(listing.inputs(), slices)
                .flatMap(new TrackFeatureExtractor(settings, conf, progress.counters()))
                .persist(StorageLevel.MEMORY_AND_DISK()); // read twice: features, then rejections
        try {
            // The bean encoder generates code for the conversion; createDataFrame(rdd, Bean.class) would convert
            // by reflection and box every float of the matrices (several times slower).
            Dataset<Row> all = spark.createDataset(records.rdd(), Encoders.bean(ExtractedRecord.class)).toDF();
            Dataset<Row> features = all.filter(col("reason").isNull()).select(
                    col("trackId").as("track_id"), col("path"), col("label"), col("split"), col("segment"),
                    col("startS").as("start_s"), col("durationS").as("duration_s"),
                    col("sampleRate").as("sample_rate"), col("mfcc"), col("logmel"), col("contrast"), col("stats"),
                    col("configHash").as("config_hash"));
            // Dictionary encoding of float matrices costs more CPU than the feature kernel and gains nothing:
            // measured features barely repeat (JFR profile of a 200-file run).
            features.write().mode(SaveMode.ErrorIfExists).option("parquet.enable.dictionary", "false")
                    .parquet(new Path(output, FEATURES).toString());

            Dataset<Row> rejected = all.filter(col("reason").isNotNull()).select("path", "reason", "detail")
                    .union(listingRejections(listing.rejected()));
            // repartition, not coalesce: coalesce(1) would pull every record (matrices and all) through one task
            // to find the few rejections; repartition filters in parallel and moves only the rejected rows.
            rejected.repartition(1).write().mode(SaveMode.ErrorIfExists).parquet(new Path(output, REJECTED).toString());

            // Counted from what was written: one small column, not the persisted matrices again.
            Row totals = spark.read().parquet(new Path(output, FEATURES).toString())
                    .agg(org.apache.spark.sql.functions.count("*"), sum("duration_s")).first();
            long segments = totals.getLong(0);
            double audioSeconds = totals.isNullAt(1) ? 0.0 : totals.getDouble(1);
            long filesRejected = spark.read().parquet(new Path(output, REJECTED).toString()).count();
            long filesSeen = inputs + listing.rejected().size();
            ExtractionSummary summary = new ExtractionSummary(filesSeen, filesSeen - filesRejected, filesRejected,
                    segments, audioSeconds, (System.nanoTime() - start) / 1e9);
            writeJson(fs, new Path(output, FEATURE_SETTINGS), featureSettings(settings));
            writeJson(fs, new Path(output, SUMMARY), summaryJson(summary));
            LOG.info("extract: {}; done: {} segments of {} files ({} rejected) in {} s", progress.line(), segments,
                    summary.filesOk(), filesRejected, String.format(java.util.Locale.ROOT, "%.1f", summary.wallSeconds()));
            return summary;
        } finally {
            progress.close();
            records.unpersist(false);
            conf.destroy();
        }
    }

    private Dataset<Row> listingRejections(List<InputRejection> rejections) {
        List<Row> rows = new ArrayList<>();
        for (InputRejection rejection : rejections) {
            rows.add(org.apache.spark.sql.RowFactory.create(rejection.path(), rejection.reason().code(),
                    rejection.detail()));
        }
        return spark.createDataFrame(rows, new org.apache.spark.sql.types.StructType()
                .add("path", "string").add("reason", "string").add("detail", "string"));
    }

    private static Map<String, Object> featureSettings(ExtractionSettings settings) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("config_hash", settings.features().hash());
        json.put("features", settings.features().asMap());
        json.put("segments", Map.of(
                "segment_seconds", settings.segments().segmentSeconds(),
                "hop_seconds", settings.segments().hopSeconds(),
                "tail", settings.segments().tail().name().toLowerCase(java.util.Locale.ROOT),
                "min_tail_fraction", settings.segments().minTailFraction(),
                "max_seconds", settings.segments().maxSeconds()));
        json.put("matrices", ExtractionSettings.MATRICES.stream().map(f -> f.cliName()).toList());
        json.put("stats_names", SummaryStatistics.names(settings.features(), ExtractionSettings.MATRICES));
        return json;
    }

    private static Map<String, Object> summaryJson(ExtractionSummary summary) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("files_seen", summary.filesSeen());
        json.put("files_ok", summary.filesOk());
        json.put("files_rejected", summary.filesRejected());
        json.put("segments", summary.segments());
        json.put("audio_seconds", summary.audioSeconds());
        json.put("wall_seconds", summary.wallSeconds());
        return json;
    }

    private static void writeJson(FileSystem fs, Path path, Object value) throws IOException {
        try (OutputStream out = fs.create(path, true)) {
            JSON.writeValue(out, value);
        }
    }
}
