package dev.audiopipeline.training.baselines;

import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * The params {@link StatsImputer} and {@link StatsImputerModel} share (Spark ML's {@code *Params} trait): the
 * statistics column read and the vector column added.
 */
interface StatsImputerParams extends Params {

    Param<String> inputCol();

    Param<String> outputCol();

    default String getInputCol() {
        return getOrDefault(inputCol());
    }

    default String getOutputCol() {
        return getOrDefault(outputCol());
    }

    /** The input column param of the stage {@code uid}; default {@link BaselineColumns#STATS}. */
    static Param<String> inputCol(String uid) {
        return new Param<>(uid, "inputCol", "the statistics column, array<double>");
    }

    /** The output column param of the stage {@code uid}; default {@link BaselineColumns#FEATURES}. */
    static Param<String> outputCol(String uid) {
        return new Param<>(uid, "outputCol", "the vector column added, missing values filled");
    }

    /** Sets both defaults. */
    default void setColumnDefaults() {
        setDefault(inputCol(), BaselineColumns.STATS);
        setDefault(outputCol(), BaselineColumns.FEATURES);
    }
}
