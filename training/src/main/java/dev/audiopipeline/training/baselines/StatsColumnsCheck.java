package dev.audiopipeline.training.baselines;

import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Schema checks of the statistics stages, before any data moves. */
final class StatsColumnsCheck {
    private StatsColumnsCheck() {
    }

    /**
     * {@code schema} plus {@code outputCol} (a vector), after checking that {@code inputCol} is an
     * {@code array<double>} and {@code outputCol} is not taken.
     */
    static StructType withVectorOutput(StructType schema, String inputCol, String outputCol) {
        if (!java.util.Arrays.asList(schema.fieldNames()).contains(inputCol)) {
            throw new IllegalArgumentException("input column '" + inputCol + "' is missing; the columns are "
                    + String.join(", ", schema.fieldNames()));
        }
        StructField input = schema.apply(inputCol);
        if (!(input.dataType() instanceof ArrayType array && array.elementType().equals(DataTypes.DoubleType))) {
            throw new IllegalArgumentException("input column '" + inputCol + "' must be array<double>, is "
                    + input.dataType().simpleString());
        }
        requireFree(schema, outputCol);
        return schema.add(outputCol, SQLDataTypes.VectorType(), false);
    }

    /** Refuses to overwrite an existing column. */
    static void requireFree(StructType schema, String outputCol) {
        if (java.util.Arrays.asList(schema.fieldNames()).contains(outputCol)) {
            throw new IllegalArgumentException("output column '" + outputCol + "' already exists");
        }
    }
}
