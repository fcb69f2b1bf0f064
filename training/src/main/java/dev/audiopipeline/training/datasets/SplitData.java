package dev.audiopipeline.training.datasets;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;

import dev.audiopipeline.pipeline.store.FeaturesTable;
import dev.audiopipeline.training.prediction.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A features table cut into training, validation and test rows by track ({@link TrackSplitter}): augmented
 * variants ({@code variant > 0}) only in training, unlabelled tracks left out, the labels the model will predict
 * (those with training tracks, sorted) and the counts per split and label.
 *
 * @param train training rows, variants included
 * @param validation validation rows (variant 0 only)
 * @param test held-out rows (variant 0 only)
 * @param labels the training tracks' labels, sorted: the model's classes
 * @param summary rows and tracks per split and label
 */
public record SplitData(Dataset<Row> train, Dataset<Row> validation, Dataset<Row> test, Labels labels,
                        SplitSummary summary) {

    private static final String ASSIGNED_TRACK = "assigned_track_id";
    private static final String DATA_SPLIT = "data_split";

    /**
     * @throws IllegalArgumentException if there is no labelled row, if a track has two labels or two splits, or if
     *     a label has tracks but none to train on (naming it)
     */
    public static SplitData of(SparkSession spark, Dataset<Row> rows, TrackSplitter splitter) {
        Dataset<Row> labelled = rows.filter(col(FeaturesTable.LABEL).isNotNull());
        long unlabelled = rows.filter(col(FeaturesTable.LABEL).isNull()).count();
        List<TrackSplitter.Track> tracks = tracks(labelled);
        if (tracks.isEmpty()) {
            throw new IllegalArgumentException("no labelled segment to train on (" + unlabelled + " unlabelled rows): "
                    + "extract a labelled layout (ROOT/<label>/<file>) or a manifest with labels");
        }
        Map<String, DataSplit> assignment = splitter.assign(tracks);
        Labels labels = labels(tracks, assignment);

        List<Row> assigned = new ArrayList<>();
        assignment.forEach((track, split) -> assigned.add(RowFactory.create(track, split.code())));
        Dataset<Row> splits = spark.createDataFrame(assigned, new StructType()
                .add(ASSIGNED_TRACK, DataTypes.StringType).add(DATA_SPLIT, DataTypes.StringType));
        Dataset<Row> joined = labelled.join(broadcast(splits),
                labelled.col(FeaturesTable.TRACK_ID).equalTo(splits.col(ASSIGNED_TRACK))).drop(ASSIGNED_TRACK);
        Dataset<Row> kept = joined.filter(col(FeaturesTable.VARIANT).equalTo(lit(0))
                .or(col(DATA_SPLIT).equalTo(lit(DataSplit.TRAIN.code()))));
        SplitSummary summary = summary(kept, unlabelled);
        return new SplitData(part(kept, DataSplit.TRAIN), part(kept, DataSplit.VALIDATION),
                part(kept, DataSplit.TEST), labels, summary);
    }

    private static Dataset<Row> part(Dataset<Row> kept, DataSplit split) {
        return kept.filter(col(DATA_SPLIT).equalTo(lit(split.code()))).drop(DATA_SPLIT);
    }

    /** Each labelled track once; refuses a track listed with two labels or two splits. */
    private static List<TrackSplitter.Track> tracks(Dataset<Row> labelled) {
        Map<String, TrackSplitter.Track> byId = new HashMap<>();
        for (Row row : labelled.select(FeaturesTable.TRACK_ID, FeaturesTable.LABEL, FeaturesTable.SPLIT,
                FeaturesTable.PATH).distinct().collectAsList()) {
            TrackSplitter.Track track = new TrackSplitter.Track(row.getString(0), row.getString(1), row.getString(2));
            TrackSplitter.Track before = byId.putIfAbsent(track.trackId(), track);
            if (before != null && !before.equals(track)) {
                throw new IllegalArgumentException("track " + track.trackId() + " (" + row.getString(3) + ") has "
                        + "rows with label/split " + before.label() + "/" + before.split() + " and " + track.label()
                        + "/" + track.split() + ": re-extract it");
            }
        }
        return new ArrayList<>(byId.values());
    }

    private static Labels labels(List<TrackSplitter.Track> tracks, Map<String, DataSplit> assignment) {
        TreeSet<String> all = new TreeSet<>();
        TreeSet<String> training = new TreeSet<>();
        for (TrackSplitter.Track track : tracks) {
            all.add(track.label());
            if (assignment.get(track.trackId()) == DataSplit.TRAIN) {
                training.add(track.label());
            }
        }
        all.removeAll(training);
        if (!all.isEmpty()) {
            throw new IllegalArgumentException("label(s) " + all + " have tracks but no training track (all of them "
                    + "are in validation or test): add tracks, or leave the label out");
        }
        return Labels.of(new ArrayList<>(training));
    }

    private static SplitSummary summary(Dataset<Row> kept, long unlabelled) {
        List<SplitSummary.Count> counts = new ArrayList<>();
        for (Row row : kept.groupBy(DATA_SPLIT, FeaturesTable.LABEL)
                .agg(count(lit(1)), countDistinct(col(FeaturesTable.TRACK_ID))).collectAsList()) {
            counts.add(new SplitSummary.Count(DataSplit.valueOf(row.getString(0).toUpperCase(java.util.Locale.ROOT)),
                    row.getString(1), row.getLong(2), row.getLong(3)));
        }
        counts.sort(java.util.Comparator.comparing(SplitSummary.Count::split).thenComparing(SplitSummary.Count::label));
        return new SplitSummary(counts, unlabelled);
    }
}
