package dev.audiopipeline.pipeline.store;

import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code features/} table of an extraction output, declared once: every column's name and type, in the order
 * they are written. The extraction job writes it, the ML transformer adds its segment columns, training and
 * scoring read it. One row per segment (or augmented variant of one); matrices are {@code [frame][coefficient]}.
 *
 * <p>Readers of a whole output also get {@link #RUN}, the partition column Spark and Arrow add from the
 * {@code run=<id>} folders.
 */
public final class FeaturesTable {

    /** 16 hex digits of SHA-256 of the track's path below the input root: stable when the library moves. */
    public static final String TRACK_ID = "track_id";
    /** The input's URI. */
    public static final String PATH = "path";
    /** From the layout or the manifest; null when the layout gives none. */
    public static final String LABEL = "label";
    /** {@code train} or {@code test}. */
    public static final String SPLIT = "split";
    /** 0, 1, 2, ... in order of start. */
    public static final String SEGMENT = "segment";
    /** 0 for the segment as decoded, 1..N for its augmented variants (training tracks only). */
    public static final String VARIANT = "variant";
    public static final String START_S = "start_s";
    /** Seconds of audio in the segment, padding excluded. */
    public static final String DURATION_S = "duration_s";
    /** The rate the features were computed at. */
    public static final String SAMPLE_RATE = "sample_rate";
    public static final String MFCC = "mfcc";
    public static final String LOGMEL = "logmel";
    public static final String CONTRAST = "contrast";
    /** Summary statistics of the matrices; their names are in {@code _feature_settings.json}. */
    public static final String STATS = "stats";
    /** The hash of the feature settings every value was computed with. */
    public static final String CONFIG_HASH = "config_hash";
    /** The input's size when listed: with its modification time, what an incremental run compares. */
    public static final String SOURCE_SIZE = "source_size";
    /** The input's modification time when listed, ms since the epoch. */
    public static final String SOURCE_MTIME_MS = "source_mtime_ms";
    /** The run that wrote the row: the partition column of a whole output. */
    public static final String RUN = "run";

    /** A float matrix, {@code [frame][coefficient]}. */
    public static final DataType MATRIX =
            DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.FloatType, false), true);
    /** The statistics vector. */
    public static final DataType VECTOR = DataTypes.createArrayType(DataTypes.DoubleType, false);

    /** Where the segment lies and its features: what the ML transformer adds to each input row (then the hash). */
    public static final StructType SEGMENT_COLUMNS = new StructType(new StructField[] {
        field(SEGMENT, DataTypes.IntegerType),
        field(START_S, DataTypes.DoubleType),
        field(DURATION_S, DataTypes.DoubleType),
        field(SAMPLE_RATE, DataTypes.IntegerType),
        field(MFCC, MATRIX),
        field(LOGMEL, MATRIX),
        field(CONTRAST, MATRIX),
        field(STATS, VECTOR),
    });

    /** Every column as the extraction job writes it, in order ({@link #RUN} comes from the folders). */
    public static final StructType SCHEMA = new StructType(new StructField[] {
        field(TRACK_ID, DataTypes.StringType),
        field(PATH, DataTypes.StringType),
        field(LABEL, DataTypes.StringType),
        field(SPLIT, DataTypes.StringType),
        SEGMENT_COLUMNS.apply(SEGMENT),
        field(VARIANT, DataTypes.IntegerType),
        SEGMENT_COLUMNS.apply(START_S),
        SEGMENT_COLUMNS.apply(DURATION_S),
        SEGMENT_COLUMNS.apply(SAMPLE_RATE),
        SEGMENT_COLUMNS.apply(MFCC),
        SEGMENT_COLUMNS.apply(LOGMEL),
        SEGMENT_COLUMNS.apply(CONTRAST),
        SEGMENT_COLUMNS.apply(STATS),
        field(CONFIG_HASH, DataTypes.StringType),
        field(SOURCE_SIZE, DataTypes.LongType),
        field(SOURCE_MTIME_MS, DataTypes.LongType),
    });

    /** The columns an input was extracted with, what an incremental run compares (rejected/ has them too). */
    public static final StructType SOURCE_IDENTITY = select(PATH, SOURCE_SIZE, SOURCE_MTIME_MS, LABEL, SPLIT);

    private FeaturesTable() {}

    /** The named columns of {@link #SCHEMA}, in the order given. */
    public static StructType select(String... names) {
        StructType selected = new StructType();
        for (String name : names) {
            selected = selected.add(SCHEMA.apply(name));
        }
        return selected;
    }

    /**
     * The table's columns, in order, from a Dataset of beans whose properties are the columns' names in camel case
     * ({@code track_id} from {@code trackId}): the job's rows come as beans because Spark's bean encoder converts
     * the matrices without boxing each float.
     */
    public static Column[] fromBeanProperties() {
        return java.util.Arrays.stream(SCHEMA.fieldNames())
                .map(name -> org.apache.spark.sql.functions.col(beanProperty(name)).as(name))
                .toArray(Column[]::new);
    }

    /** The camel-case bean property of a column: {@code source_mtime_ms} is {@code sourceMtimeMs}. */
    public static String beanProperty(String column) {
        String[] words = column.split("_");
        return words[0] + java.util.Arrays.stream(words).skip(1)
                .map(w -> w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1)).collect(Collectors.joining());
    }

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }
}
