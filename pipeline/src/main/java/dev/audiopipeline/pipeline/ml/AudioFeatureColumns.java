package dev.audiopipeline.pipeline.ml;

import dev.audiopipeline.pipeline.store.FeaturesTable;
import java.util.Arrays;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns {@link AudioFeatureTransformer} adds, in order, and the check of its input schema. Names and types
 * are those of the extraction job's {@code features/} ({@link FeaturesTable}; matrices
 * {@code array<array<float>>}, {@code [frame][coefficient]}), plus the two error columns. An error row has null in every column but
 * {@link #CONFIG_HASH} and the error columns; a segment row has null error columns.
 */
public final class AudioFeatureColumns {

    public static final String SEGMENT = FeaturesTable.SEGMENT;
    public static final String START_S = FeaturesTable.START_S;
    public static final String DURATION_S = FeaturesTable.DURATION_S;
    public static final String SAMPLE_RATE = FeaturesTable.SAMPLE_RATE;
    public static final String MFCC = FeaturesTable.MFCC;
    public static final String LOGMEL = FeaturesTable.LOGMEL;
    public static final String CONTRAST = FeaturesTable.CONTRAST;
    public static final String STATS = FeaturesTable.STATS;
    /** The {@code FeatureSettings.hash()} of the params, on every row. */
    public static final String CONFIG_HASH = FeaturesTable.CONFIG_HASH;
    /** Why the input gave no segment: a {@code RejectionReason} code, e.g. {@code unsupported_format}. */
    public static final String ERROR_REASON = "error_reason";
    /** What went wrong, naming the input (its URI, or the binary column's name). */
    public static final String ERROR_DETAIL = "error_detail";

    /**
     * The added columns, in the order they follow the input's: {@link FeaturesTable#SEGMENT_COLUMNS} (null in an
     * error row), the hash, and the two error columns (null in a segment row).
     */
    public static final StructType ADDED = FeaturesTable.SEGMENT_COLUMNS
            .add(DataTypes.createStructField(CONFIG_HASH, DataTypes.StringType, false))
            .add(DataTypes.createStructField(ERROR_REASON, DataTypes.StringType, true))
            .add(DataTypes.createStructField(ERROR_DETAIL, DataTypes.StringType, true));

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
