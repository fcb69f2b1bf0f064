package dev.audiopipeline.pipeline.extract;

import static org.apache.spark.sql.functions.broadcast;

import dev.audiopipeline.pipeline.source.AudioInput;
import dev.audiopipeline.pipeline.source.InputListing;
import dev.audiopipeline.pipeline.source.InputRejection;
import dev.audiopipeline.pipeline.store.ExtractionStore;
import dev.audiopipeline.pipeline.store.FeaturesTable;
import dev.audiopipeline.pipeline.store.IncompatibleOutputException;
import dev.audiopipeline.pipeline.store.PublishPlan;
import dev.audiopipeline.pipeline.store.RejectedInput;
import dev.audiopipeline.pipeline.store.RowRemoval;
import dev.audiopipeline.pipeline.store.RunId;
import dev.audiopipeline.pipeline.store.RunLease;
import dev.audiopipeline.pipeline.store.StoredTracks;
import dev.audiopipeline.pipeline.store.TableWriter;
import dev.audiopipeline.pipeline.track.ExtractionSettings;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.SerializableConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feature extraction job: spreads the inputs over the executors (about 8 files per task) and adds to the output
 * (layout in {@link ExtractionStore})
 * <ul>
 *   <li>{@code features/run=<id>/}: Parquet, one row per segment: {@code track_id, path, label, split, segment,
 *       variant} (0, or 1..N for the augmented variants of training tracks' segments), {@code start_s,
 *       duration_s, sample_rate, mfcc, logmel, contrast} (matrices {@code [frame][coefficient]}),
 *       {@code stats} (see {@code _feature_settings.json} for the names), {@code config_hash}, and the input's
 *       {@code source_size, source_mtime_ms};</li>
 *   <li>{@code rejected/run=<id>/}: Parquet, one row per input that could not be used: {@code path, reason,
 *       detail}, with {@code label, split, source_size, source_mtime_ms};</li>
 *   <li>{@code _feature_settings.json}, {@code _summary.json} and {@code _runs/<id>.json}.</li>
 * </ul>
 * A new output gets every listed file. An incremental run processes only files that are new or changed since they
 * were extracted ({@link IncrementalPlan}) and replaces the rows of changed ones. Every path ends up either with its
 * segment rows in {@code features/} or with one row in {@code rejected/}, never both and never twice: Spark's commit
 * protocol writes each staged directory whole also when tasks are retried after an executor died, and the store
 * publishes a run only once it is complete.
 */
public final class FeatureExtractionJob {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureExtractionJob.class);
    /** How often the driver logs progress while the job runs. */
    private static final long PROGRESS_SECONDS = 10;
    /**
     * About this many files per task (at least one task per core, at most {@link #MAX_TASKS}): small tasks balance
     * the cores, redo little when retried and move the progress (counted when a task ends) steadily, while each
     * task's Parquet writer setup and output file stay worth it (one file per task measured 40 % slower).
     */
    public static final int FILES_PER_TASK = 8;
    private static final int MAX_TASKS = 10_000;
    private final SparkSession spark;
    private final TableWriter writer;

    public FeatureExtractionJob(SparkSession spark) {
        this(spark, TableWriter.DEFAULT_CODEC);
    }

    /**
     * @param parquetCodec Parquet compression of what the job writes (see {@link TableWriter})
     */
    public FeatureExtractionJob(SparkSession spark, String parquetCodec) {
        this.spark = spark;
        this.writer = new TableWriter(spark, parquetCodec);
    }

    /** Extracts everything listed into an output that holds nothing yet. */
    public ExtractionSummary run(InputListing listing, ExtractionSettings settings, String outputUri)
            throws IOException {
        return run(listing, settings, outputUri, false);
    }

    /**
     * Runs the job.
     *
     * @param incremental add to an output that may hold earlier runs: only new and changed files are processed
     * @throws FileAlreadyExistsException if not incremental and the output already holds a run (nothing is written)
     * @throws IncompatibleOutputException if incremental and the output holds features computed with other settings
     */
    public ExtractionSummary run(InputListing listing, ExtractionSettings settings, String outputUri,
                                 boolean incremental) throws IOException {
        long start = System.nanoTime();
        ExtractionStore store = ExtractionStore.at(outputUri, spark.sparkContext().hadoopConfiguration());
        RunId run = RunId.startingAt(Instant.now());
        try (RunLease lease = RunLease.take(store, run)) {
            return run(listing, settings, store, incremental, run, lease, start);
        }
    }

    private ExtractionSummary run(InputListing listing, ExtractionSettings settings, ExtractionStore store,
                                  boolean incremental, RunId run, RunLease lease, long start) throws IOException {
        store.recover(run);
        Map<String, Object> featureSettings = settings.asMap();
        IncrementalPlan plan;
        if (store.holdsRuns()) {
            if (!incremental) {
                throw new FileAlreadyExistsException(store.root() + " already holds extracted features: choose a "
                        + "new output directory, or add --incremental to process only new and changed files");
            }
            store.requireSameSettings(featureSettings);
            plan = IncrementalPlan.of(listing, StoredTracks.read(spark, store));
        } else {
            plan = IncrementalPlan.everything(listing);
        }
        LOG.info("run {}: {} files listed ({} layout): {} new, {} changed, {} unchanged; {} no longer listed (kept)",
                run, listing.inputs().size() + listing.rejected().size(), listing.layout(), plan.newFiles(),
                plan.changedFiles(), plan.unchangedFiles(), plan.removedFiles());

        Path staging = store.staging(run);
        List<PublishPlan.Move> moves = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        StagedCounts counts = StagedCounts.NONE;
        if (!plan.toProcess().isEmpty() || !plan.listingRejections().isEmpty()) {
            counts = extract(plan, settings, store, staging, run, moves);
        }
        RowRemoval removal = new RowRemoval(spark, store, writer);
        removal.stageWithout(plan.replacedPaths(), plan.featureFilesToRewrite(), store.features(),
                new Path(staging, "rewrite/" + ExtractionStore.FEATURES), moves, deletes);
        removal.stageWithout(plan.replacedPaths(), plan.rejectedFilesToRewrite(), store.rejected(),
                new Path(staging, "rewrite/" + ExtractionStore.REJECTED), moves, deletes);

        long filesSeen = listing.inputs().size() + listing.rejected().size();
        ExtractionSummary summary = new ExtractionSummary(filesSeen, counts.filesOk(), counts.filesRejected(),
                counts.segments(), counts.audioSeconds(), (System.nanoTime() - start) / 1e9, run.value(),
                incremental, plan.newFiles(), plan.changedFiles(), plan.unchangedFiles(), plan.removedFiles());
        lease.publish(new PublishPlan(run.value(), moves, deletes, summary.asMap(), featureSettings));
        LOG.info("run {} published: {} segments of {} files ({} rejected, {} unchanged) in {} s", run,
                summary.segments(), summary.filesOk(), summary.filesRejected(), summary.filesUnchanged(),
                String.format(Locale.ROOT, "%.1f", summary.wallSeconds()));
        return summary;
    }

    /** What a run staged, from the tasks' counters (exact: see {@link ExtractionProgress}). */
    private record StagedCounts(long filesOk, long filesRejected, long segments, double audioSeconds) {
        static final StagedCounts NONE = new StagedCounts(0, 0, 0, 0);
    }

    /** Extracts the plan's inputs into the run's staged partitions and plans their moves into the output. */
    private StagedCounts extract(IncrementalPlan plan, ExtractionSettings settings, ExtractionStore store,
                                 Path staging, RunId run, List<PublishPlan.Move> moves) throws IOException {
        Path stagedFeatures = new Path(new Path(staging, ExtractionStore.FEATURES), run.partition());
        Path stagedRejected = new Path(new Path(staging, ExtractionStore.REJECTED), run.partition());
        ExtractionProgress progress = new ExtractionProgress(spark.sparkContext(), "extract",
                plan.toProcess().size(), PROGRESS_SECONDS, LOG);
        CollectionAccumulator<RejectedInput> rejections = spark.sparkContext().collectionAccumulator("extract rejected");
        try {
            if (!plan.toProcess().isEmpty()) { // only listing rejections: no Spark job at all
                writeFeatures(plan.toProcess(), settings, progress, rejections, stagedFeatures);
            }
        } finally {
            LOG.info("run {}: {}", run, progress.line());
            progress.close();
        }
        List<RejectedInput> rejected = new ArrayList<>(rejections.value());
        for (InputRejection rejection : plan.listingRejections()) {
            rejected.add(new RejectedInput(rejection.path(), rejection.reason().code(), rejection.detail(), null,
                    null, null, null));
        }
        if (!rejected.isEmpty()) {
            writer.writeRejected(rejected, stagedRejected);
        }

        ExtractionProgress.Counters totals = progress.counters();
        if (totals.segments().value() > 0) {
            moves.add(store.move(stagedFeatures, new Path(store.features(), run.partition())));
        }
        long filesRejected = rejected.size();
        if (filesRejected > 0) {
            moves.add(store.move(stagedRejected, new Path(store.rejected(), run.partition())));
        }
        return new StagedCounts(totals.filesOk().value(), filesRejected, totals.segments().value(),
                totals.audioSeconds().value());
    }

    /** Decodes and extracts {@code inputs} on the executors, writing the segment rows to {@code target}. */
    private void writeFeatures(List<AudioInput> inputs, ExtractionSettings settings, ExtractionProgress progress,
                               CollectionAccumulator<RejectedInput> rejections, Path target) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SerializableConfiguration> conf =
                context.broadcast(new SerializableConfiguration(spark.sparkContext().hadoopConfiguration()));
        int slices = Math.max(1, Math.min(MAX_TASKS, Math.max(Math.min(inputs.size(), context.defaultParallelism()),
                (inputs.size() + FILES_PER_TASK - 1) / FILES_PER_TASK)));
        try {
            JavaRDD<ExtractedRecord> records = context.parallelize(inputs, slices)
                    .flatMap(new TrackFeatureExtractor(settings, conf, progress.counters(), rejections));
            // The bean encoder generates code for the conversion; createDataFrame(rdd, Bean.class) would convert
            // by reflection and box every float of the matrices (several times slower).
            Dataset<Row> features = spark.createDataset(records.rdd(), Encoders.bean(ExtractedRecord.class))
                    .select(FeaturesTable.fromBeanProperties());
            writer.writeFeatureRows(features.write(), target);
        } finally {
            conf.destroy();
        }
    }

}
