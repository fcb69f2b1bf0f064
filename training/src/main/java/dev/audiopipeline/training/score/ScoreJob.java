package dev.audiopipeline.training.score;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.audiopipeline.pipeline.extract.ExtractionProgress;
import dev.audiopipeline.pipeline.source.AudioInput;
import dev.audiopipeline.pipeline.source.AudioInputLister;
import dev.audiopipeline.pipeline.source.InputListing;
import dev.audiopipeline.pipeline.source.InputRejection;
import dev.audiopipeline.pipeline.source.TrackSplit;
import dev.audiopipeline.pipeline.store.FeaturesTable;
import dev.audiopipeline.pipeline.store.IncompatibleOutputException;
import dev.audiopipeline.pipeline.store.RejectedInput;
import dev.audiopipeline.pipeline.store.SettingsDifferences;
import dev.audiopipeline.pipeline.store.TableWriter;
import dev.audiopipeline.pipeline.tags.LabelMapping;
import dev.audiopipeline.pipeline.track.ExtractionSettings;
import dev.audiopipeline.training.bundle.BundleStore;
import dev.audiopipeline.training.bundle.ModelBundle;
import dev.audiopipeline.training.bundle.ModelKind;
import dev.audiopipeline.training.bundle.SegmentScore;
import dev.audiopipeline.training.bundle.SegmentScorer;
import dev.audiopipeline.training.datasets.FeatureRows;
import dev.audiopipeline.training.datasets.SegmentRow;
import dev.audiopipeline.training.networks.FeatureInput;
import dev.audiopipeline.training.prediction.Labels;
import dev.audiopipeline.training.report.ScoreReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.SerializableConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code score} job: every audio file under the input (or every track of an extraction output made with the
 * bundle's settings) decoded, cut and scored with the bundle's own settings on the executors, aggregated per
 * track, compared with the genre tag the file carries. Writes, whole (into a hidden sibling, renamed at the end):
 * <pre>
 * OUTPUT/predictions/      Parquet, one row per track (see {@link ScoreOutputs})
 * OUTPUT/predictions.csv   the same as CSV
 * OUTPUT/relabel.csv       the confident predictions that differ from the file's tag, with the runner-up
 * OUTPUT/rejected/         Parquet, one row per input that could not be used: path, reason, detail
 * OUTPUT/_summary.json     tracks, rejections, label histogram, agreement with tags, seconds per track
 * OUTPUT/report.html       per-track confidence bars for a small run; histograms and tag-vs-prediction for a large
 * </pre>
 * The bundle is read and checked before any audio is read; the model is loaded once per executor JVM.
 */
public final class ScoreJob {

    private static final Logger LOG = LoggerFactory.getLogger(ScoreJob.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final long PROGRESS_SECONDS = 10;

    private final SparkSession spark;

    public ScoreJob(SparkSession spark) {
        this.spark = spark;
    }

    /** A run's results: its summary, and the tracks when there are few (for the terminal). */
    public record Result(ScoreSummary summary, List<ScoredTrack> firstTracks, Labels labels) {}

    /** Scores audio files under {@code inputUri} (a folder or one file) into a new output. */
    public Result scoreAudio(String bundleUri, String inputUri, ScoreSettings settings, String outputUri)
            throws IOException {
        return scoreAudio(bundleUri, inputUri, settings, outputUri, false);
    }

    /**
     * Scores audio files under {@code inputUri} (a folder or one file).
     *
     * @param incremental when the output holds an earlier run's scores (same model and settings), score only the
     *     files that are new or changed since and add them: a changed file's earlier row is replaced, an unchanged
     *     file's kept; the CSV files, summary and report then describe the whole output
     */
    public Result scoreAudio(String bundleUri, String inputUri, ScoreSettings settings, String outputUri,
                             boolean incremental) throws IOException {
        long start = System.nanoTime();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        ModelBundle bundle = BundleStore.read(spark, conf, bundleUri);
        LabelMapping mapping = settings.mappingUri() == null ? LabelMapping.none()
                : LabelMapping.load(conf, settings.mappingUri());
        Map<String, Object> state = ScoreState.of(bundle, BundleStore.manifestDigest(conf, bundleUri), settings,
                mapping);
        Path target = new Path(outputUri);
        PreviousScores previous = null;
        if (incremental) {
            previous = PreviousScores.open(spark, target.getFileSystem(conf), target, state);
        } else {
            BundleStore.requireAbsent(conf, outputUri);
        }
        List<String> missing = mapping.targetsMissingFrom(bundle.labels().names());
        if (!missing.isEmpty()) {
            LOG.warn("the mapping file maps tags to labels the model does not predict: {}", missing);
        }
        InputListing listing = new AudioInputLister(conf, new TrackSplit(0)).list(inputUri);
        List<AudioInput> inputs = new ArrayList<>();
        List<InputRejection> listedRejections = new ArrayList<>();
        List<ScoredInputs.Entry> considered = new ArrayList<>();
        for (AudioInput input : listing.inputs()) {
            if (previous == null || !previous.unchanged(input)) {
                inputs.add(input);
                considered.add(new ScoredInputs.Entry(input.path(), input.sizeBytes(), input.modificationTime()));
            }
        }
        for (InputRejection rejection : listing.rejected()) {
            if (previous == null || !previous.seen(rejection.path())) {
                listedRejections.add(rejection);
                considered.add(new ScoredInputs.Entry(rejection.path(), null, null));
            }
        }
        if (previous != null) {
            LOG.info("incremental: {} of {} listed files new or changed since the last run of {}", considered.size(),
                    listing.inputs().size() + listing.rejected().size(), outputUri);
        }
        Increment increment = new Increment(previous, considered);
        ExtractionSettings extraction = withTimeLimit(bundle.featureSettings(), settings.fileTimeoutSeconds());
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SerializableConfiguration> shipped = sc.broadcast(new SerializableConfiguration(conf));
        ExtractionProgress progress = new ExtractionProgress(spark.sparkContext(), "score", inputs.size(),
                PROGRESS_SECONDS, LOG);
        CollectionAccumulator<RejectedInput> rejections = spark.sparkContext().collectionAccumulator("score rejected");
        try {
            int slices = Math.max(1, Math.min(10_000, Math.max(Math.min(inputs.size(), sc.defaultParallelism()),
                    (inputs.size() + 3) / 4)));
            JavaRDD<SegmentRow> rows = sc.parallelize(inputs, slices).flatMap(new LibraryTracks(extraction,
                    inputsOf(bundle), bundle.labels().names(), mapping, shipped, progress.counters(), rejections));
            Dataset<Row> table = SegmentRow.asTable(spark.createDataset(rows.rdd(), Encoders.bean(SegmentRow.class)));
            List<RejectedInput> rejected = new ArrayList<>();
            Result result = write(bundle, table, settings, outputUri, listing.inputs().size()
                    + listing.rejected().size(), rejected, () -> {
                        rejected.addAll(rejections.value());
                        for (InputRejection r : listedRejections) {
                            rejected.add(new RejectedInput(r.path(), r.reason().code(), r.detail(), null, null,
                                    null, null));
                        }
                    }, state, increment, start);
            LOG.info("{}", progress.line());
            return result;
        } finally {
            progress.close();
            shipped.destroy();
        }
    }

    /** Scores the tracks of an extraction output, which must have been made with the bundle's settings. */
    public Result scoreFeatures(String bundleUri, String featuresUri, ScoreSettings settings, String outputUri)
            throws IOException {
        long start = System.nanoTime();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        ModelBundle bundle = BundleStore.read(spark, conf, bundleUri);
        BundleStore.requireAbsent(conf, outputUri);
        FeatureRows features = FeatureRows.read(spark, featuresUri);
        List<String> differences = SettingsDifferences.between(bundle.manifest().featureSettings(),
                features.settings().asMap());
        differences.removeIf(difference -> difference.startsWith("augmentation."));
        if (!differences.isEmpty()) {
            throw new IncompatibleOutputException(featuresUri + " holds features computed with other settings than "
                    + bundle.name() + " reads (" + String.join(", ", differences).replace("this run",
                    "these features").replace("stored", "the model") + "): score the audio with --input instead");
        }
        Dataset<Row> rows = features.rows().filter(FeaturesTable.VARIANT + " = 0")
                .withColumn(SegmentRow.TAG_SOURCE, org.apache.spark.sql.functions.when(
                        org.apache.spark.sql.functions.col(FeaturesTable.LABEL).isNotNull(),
                        org.apache.spark.sql.functions.lit("layout")))
                .withColumn(SegmentRow.TAG_VALUES, org.apache.spark.sql.functions.col(FeaturesTable.LABEL))
                .withColumn(FeaturesTable.LABEL, org.apache.spark.sql.functions.when(
                        org.apache.spark.sql.functions.col(FeaturesTable.LABEL)
                                .isin(bundle.labels().names().toArray()),
                        org.apache.spark.sql.functions.col(FeaturesTable.LABEL)));
        List<ScoredInputs.Entry> considered = new ArrayList<>();
        for (Row source : rows.select(FeaturesTable.PATH, FeaturesTable.SOURCE_SIZE, FeaturesTable.SOURCE_MTIME_MS)
                .distinct().collectAsList()) {
            considered.add(new ScoredInputs.Entry(source.getString(0), source.isNullAt(1) ? null : source.getLong(1),
                    source.isNullAt(2) ? null : source.getLong(2)));
        }
        LabelMapping mapping = settings.mappingUri() == null ? LabelMapping.none()
                : LabelMapping.load(conf, settings.mappingUri());
        return write(bundle, rows, settings, outputUri, considered.size(), new ArrayList<>(), () -> { },
                ScoreState.of(bundle, BundleStore.manifestDigest(conf, bundleUri), settings, mapping),
                new Increment(null, considered), start);
    }

    /**
     * What a run adds to its output: the earlier scores it keeps (null for a new output) and the inputs it
     * considered (scored or rejected); their earlier rows, if any, are replaced.
     */
    private record Increment(PreviousScores previous, List<ScoredInputs.Entry> considered) {
        Set<String> paths() {
            Set<String> paths = new java.util.HashSet<>();
            considered.forEach(entry -> paths.add(entry.path()));
            return paths;
        }
    }

    private Result write(ModelBundle bundle, Dataset<Row> rows, ScoreSettings settings, String outputUri,
                         long filesSeen, List<RejectedInput> rejected, Runnable collectRejections,
                         Map<String, Object> state, Increment increment, long start) throws IOException {
        Labels labels = bundle.labels();
        Path target = new Path(outputUri);
        FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
        Path staging = new Path(target.getParent(), "." + target.getName() + ".partial-" + UUID.randomUUID());
        TableWriter writer = new TableWriter(spark, settings.parquetCodec());
        try {
            Dataset<SegmentScore> segments = SegmentScorer.score(spark, bundle, rows);
            // The one pass over the audio (decoding, features, model, aggregation) runs when the table is written;
            // the scored tracks, small, are kept for the CSV files and the summary.
            Dataset<ScoredTrack> fresh = TrackScoring.tracks(segments, labels, settings);
            Set<String> replaced = increment.paths();
            Dataset<ScoredTrack> tracks = (increment.previous() == null ? fresh
                    : fresh.unionByName(increment.previous().tracksExcept(replaced, labels)))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            ScoreOutputs.table(tracks, labels).write().option("compression", writerCodec(settings))
                    .parquet(new Path(staging, ScoreOutputs.PREDICTIONS).toString());
            collectRejections.run();
            List<ScoredInputs.Entry> inputs = new ArrayList<>(increment.considered());
            if (increment.previous() != null) {
                rejected.addAll(increment.previous().rejectedExcept(replaced));
                inputs.addAll(increment.previous().inputsExcept(replaced));
            }
            ScoredInputs.write(spark, inputs, new Path(staging, ScoredInputs.DIRECTORY), writerCodec(settings));
            try (OutputStream out = fs.create(new Path(staging, ScoreState.FILE), false)) {
                JSON.writeValue(out, state);
            }
            List<RejectedInput> once = new ArrayList<>(rejected.stream().collect(java.util.stream.Collectors.toMap(
                    RejectedInput::path, r -> r, (a, b) -> a, java.util.TreeMap::new)).values());
            if (!once.isEmpty()) {
                writer.writeRejected(once, new Path(staging, ScoreOutputs.REJECTED));
            }
            rejected.clear();
            rejected.addAll(once);
            Totals totals = writeCsvs(fs, staging, tracks, labels);
            tracks.unpersist();
            ScoreSummary summary = new ScoreSummary(filesSeen, increment.considered().size(), totals.tracks, rejected.size(), totals.segments,
                    totals.uncertain, totals.histogram, totals.tagged, totals.agreeing, totals.relabel,
                    totals.unmapped, (System.nanoTime() - start) / 1e9);
            try (OutputStream out = fs.create(new Path(staging, "_summary.json"), false)) {
                JSON.writeValue(out, summary.asMap());
            }
            try (OutputStream out = fs.create(new Path(staging, "report.html"), false)) {
                ScoreReport.write(bundle.name(), labels, totals.firstTracks.stream().map(t -> new ScoreReport.Track(
                        t.getPath(), t.getPredictedLabel(), t.getConfidence(), t.isUncertain(), t.getExistingLabel(),
                        t.getTagSource(), t.getScores())).toList(), totals.tracks <= totals.firstTracks.size(),
                        summary.asMap(), totals.confidences, totals.tagVersusPrediction, out);
            }
            if (increment.previous() != null) {
                OutputSwap.replace(fs, staging, target);
            } else if (!fs.rename(staging, target)) {
                throw new IOException("could not move the results from " + staging + " to " + target);
            }
            LOG.info("{} tracks scored ({} uncertain, {} to relabel), {} rejected -> {}", summary.tracksScored(),
                    summary.uncertain(), summary.relabel(), summary.filesRejected(), outputUri);
            return new Result(summary, totals.firstTracks, labels);
        } finally {
            if (fs.exists(staging)) {
                fs.delete(staging, true);
            }
        }
    }

    private static String writerCodec(ScoreSettings settings) {
        return "lz4raw".equals(settings.parquetCodec()) ? "lz4_raw" : settings.parquetCodec();
    }

    /** What the CSV pass counts for the summary and the report. */
    private static final class Totals {
        long tracks;
        long segments;
        long uncertain;
        long tagged;
        long agreeing;
        long relabel;
        final Map<String, Long> histogram = new HashMap<>();
        final Map<String, Long> unmapped = new HashMap<>();
        final List<ScoredTrack> firstTracks = new ArrayList<>();
        final List<Double> confidences = new ArrayList<>();
        final Map<String, Map<String, Long>> tagVersusPrediction = new HashMap<>();
    }

    /** Small runs keep every track for the report's per-track bars and the terminal. */
    static final int PER_TRACK_LIMIT = 50;

    private Totals writeCsvs(FileSystem fs, Path staging, Dataset<ScoredTrack> tracks, Labels labels)
            throws IOException {
        Totals totals = new Totals();
        try (Writer predictions = new OutputStreamWriter(fs.create(new Path(staging, "predictions.csv"), false),
                StandardCharsets.UTF_8);
             Writer relabel = new OutputStreamWriter(fs.create(new Path(staging, "relabel.csv"), false),
                     StandardCharsets.UTF_8)) {
            ScoreOutputs.csvHeader(predictions, ScoreOutputs.CSV_HEADER, labels);
            ScoreOutputs.csvHeader(relabel, ScoreOutputs.RELABEL_HEADER, labels);
            Iterator<ScoredTrack> iterator = tracks.orderBy("path").toLocalIterator();
            while (iterator.hasNext()) {
                ScoredTrack track = iterator.next();
                ScoreOutputs.csvRow(predictions, track);
                totals.tracks++;
                totals.segments += track.getSegments();
                totals.histogram.merge(track.getPredictedLabel(), 1L, Long::sum);
                if (totals.confidences.size() < 1_000_000) {
                    totals.confidences.add(track.getConfidence());
                }
                if (track.isUncertain()) {
                    totals.uncertain++;
                }
                if (track.isTagMapped()) {
                    totals.tagged++;
                    if (track.getPredictedLabel().equals(track.getExistingLabel())) {
                        totals.agreeing++;
                    }
                    totals.tagVersusPrediction.computeIfAbsent(track.getExistingLabel(), t -> new HashMap<>())
                            .merge(track.getPredictedLabel(), 1L, Long::sum);
                } else if (track.getTagValues() != null) {
                    totals.unmapped.merge(track.getTagValues(), 1L, Long::sum);
                }
                if (track.relabel()) {
                    totals.relabel++;
                    ScoreOutputs.relabelRow(relabel, track);
                }
                if (totals.firstTracks.size() < PER_TRACK_LIMIT) {
                    totals.firstTracks.add(track);
                }
            }
        }
        return totals;
    }

    private static Set<FeatureInput> inputsOf(ModelBundle bundle) {
        return bundle.kind().engine() == ModelKind.Engine.DL4J ? EnumSet.copyOf(bundle.kind().network().inputs())
                : EnumSet.of(FeatureInput.STATS);
    }

    private static ExtractionSettings withTimeLimit(ExtractionSettings settings, double seconds) {
        return new ExtractionSettings(settings.features(), settings.segments(), seconds);
    }
}
