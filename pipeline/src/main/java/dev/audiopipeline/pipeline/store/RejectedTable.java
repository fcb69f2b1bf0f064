package dev.audiopipeline.pipeline.store;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code rejected/} table of an extraction (or scoring) output, declared once: one row per input that could
 * not be used, why, and the identity it was listed with.
 */
public final class RejectedTable {

    public static final String PATH = FeaturesTable.PATH;
    /** A code of {@code RejectionReason}, e.g. {@code unsupported_format}. */
    public static final String REASON = "reason";
    /** What went wrong, naming the input. */
    public static final String DETAIL = "detail";

    /** Every column as written, in order; the identity columns are {@link FeaturesTable}'s. */
    public static final StructType SCHEMA = new StructType()
            .add(FeaturesTable.SCHEMA.apply(PATH))
            .add(DataTypes.createStructField(REASON, DataTypes.StringType, true))
            .add(DataTypes.createStructField(DETAIL, DataTypes.StringType, true))
            .add(FeaturesTable.SCHEMA.apply(FeaturesTable.LABEL))
            .add(FeaturesTable.SCHEMA.apply(FeaturesTable.SPLIT))
            .add(FeaturesTable.SCHEMA.apply(FeaturesTable.SOURCE_SIZE))
            .add(FeaturesTable.SCHEMA.apply(FeaturesTable.SOURCE_MTIME_MS));

    private RejectedTable() {}
}
