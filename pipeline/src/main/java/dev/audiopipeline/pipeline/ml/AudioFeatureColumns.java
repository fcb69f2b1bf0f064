package dev.audiopipeline.pipeline.ml;

import java.util.Arrays;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns {@link AudioFeatureTransformer} adds, in order, and the check of its input schema. Names and types
 * are those of the extraction job's {@code features/} (matrices {@code array<array<float>>},
 * {@code [frame][coefficient]}), plus the two error columns. An error row has null in every column but
 * {@link #CONFIG_HASH} and the error columns; a segment row has null error columns.
 */
public final class AudioFeatureColumns {

    public static final String SEGMENT = "segment";
    public static final String START_S = "start_s";
    public static final String DURATION_S = "duration_s";
    public static final String SAMPLE_RATE = "sample_rate";
    public static final String MFCC = "mfcc";
    public static final String LOGMEL = "logmel";
    public static final String CONTRAST = "contrast";
    public static final String STATS = "stats";
    /** The {@code FeatureSettings.hash()} of the params, on every row. */
    public static final String CONFIG_HASH = "config_hash";
    /** Why the input gave no segment: a {@code DecodeFailure} code, e.g. {@code unsupported_format}. */
    public static final String ERROR_REASON = "error_reason";
    /** What went wrong, naming the input (its URI, or the binary column's name). */
    public static final String ERROR_DETAIL = "error_detail";

    private static final DataType MATRIX =
            DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.FloatType, false), true);

    /** The added columns, in the order they follow the input's. */
    public static final StructType ADDED = new StructType(new StructField[] {
        DataTypes.createStructField(SEGMENT, DataTypes.IntegerType, true),
        DataTypes.createStructField(START_S, DataTypes.DoubleType, true),
        DataTypes.createStructField(DURATION_S, DataTypes.DoubleType, true),
        DataTypes.createStructField(SAMPLE_RATE, DataTypes.IntegerType, true),
        DataTypes.createStructField(MFCC, MATRIX, true),
        DataTypes.createStructField(LOGMEL, MATRIX, true),
        DataTypes.createStructField(CONTRAST, MATRIX, true),
        DataTypes.createStructField(STATS, DataTypes.createArrayType(DataTypes.DoubleType, false), true),
        DataTypes.createStructField(CONFIG_HASH, DataTypes.StringType, false),
        DataTypes.createStructField(ERROR_REASON, DataTypes.StringType, true),
        DataTypes.createStructField(ERROR_DETAIL, DataTypes.StringType, true),
    });

    private AudioFeatureColumns() {}

    /**
     * The output schema: every input column, then {@link #ADDED}.
     *
     * @throws IllegalArgumentException if {@code inputCol} is missing or neither string nor binary, or if an
     *     added column already exists
     */
    public static StructType outputSchema(StructType input, String inputCol) {
        if (!Arrays.asList(input.fieldNames()).contains(inputCol)) {
            throw new IllegalArgumentException("input column '" + inputCol + "' does not exist; columns: "
                    + String.join(", ", input.fieldNames()));
        }
        DataType type = input.apply(inputCol).dataType();
        if (!type.equals(DataTypes.StringType) && !type.equals(DataTypes.BinaryType)) {
            throw new IllegalArgumentException("input column '" + inputCol + "' must be of type string (a URI) or "
                    + "binary (file content), but is " + type.catalogString());
        }
        StructType output = input;
        for (StructField added : ADDED.fields()) {
            // Case-insensitive: Spark resolves names so by default, and "MFCC" beside "mfcc" would be ambiguous.
            if (Arrays.stream(input.fieldNames()).anyMatch(added.name()::equalsIgnoreCase)) {
                throw new IllegalArgumentException("output column '" + added.name() + "' already exists in the "
                        + "input; rename or drop it first");
            }
            output = output.add(added);
        }
        return output;
    }

    /** True if {@code inputCol} of a schema {@link #outputSchema} accepted holds file content. */
    static boolean isBinary(StructType input, String inputCol) {
        return input.apply(inputCol).dataType().equals(DataTypes.BinaryType);
    }
}
