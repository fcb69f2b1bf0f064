package dev.audiopipeline.training.datasets;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import dev.audiopipeline.pipeline.store.ExtractionStore;
import dev.audiopipeline.pipeline.store.FeaturesTable;
import dev.audiopipeline.pipeline.track.ExtractionSettings;
import java.io.IOException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The rows of an extraction output that training and evaluation read: every run's {@code features/}, each path's
 * rows from the last run that wrote it only (an input whose rows a later run replaced never counts twice), with
 * the settings they were computed with.
 *
 * @param settings what every row was computed with ({@code _feature_settings.json})
 * @param rows the rows, {@link FeaturesTable#SCHEMA} plus {@link FeaturesTable#RUN}
 */
public record FeatureRows(ExtractionSettings settings, Dataset<Row> rows) {

    /** The table as read, with the run partition column (so that Spark infers nothing from the files). */
    static final StructType READ_SCHEMA = FeaturesTable.SCHEMA
            .add(DataTypes.createStructField(FeaturesTable.RUN, DataTypes.StringType, true));

    /**
     * @param outputUri an extraction output ({@code extract --output}) on any Hadoop filesystem
     * @throws dev.audiopipeline.pipeline.store.IncompatibleOutputException if it is not one, or was written with
     *     settings this version cannot read
     */
    public static FeatureRows read(SparkSession spark, String outputUri) throws IOException {
        ExtractionStore store = ExtractionStore.at(outputUri, spark.sparkContext().hadoopConfiguration());
        if (!store.fileSystem().exists(store.features())) {
            throw new java.io.FileNotFoundException(outputUri + " holds no " + ExtractionStore.FEATURES
                    + "/ table: give the --output of an extract run");
        }
        ExtractionSettings settings = store.featureSettings();
        Dataset<Row> all = spark.read().schema(READ_SCHEMA).parquet(store.features().toString());
        Dataset<Row> latest = all.groupBy(col(FeaturesTable.PATH).as("latest_path"))
                .agg(max(col(FeaturesTable.RUN)).as("latest_run"));
        Dataset<Row> current = all.join(latest, all.col(FeaturesTable.PATH).equalTo(latest.col("latest_path"))
                        .and(all.col(FeaturesTable.RUN).equalTo(latest.col("latest_run"))))
                .drop("latest_path", "latest_run");
        return new FeatureRows(settings, current);
    }
}
