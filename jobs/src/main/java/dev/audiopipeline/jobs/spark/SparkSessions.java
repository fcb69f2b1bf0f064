package dev.audiopipeline.jobs.spark;

import dev.audiopipeline.jobs.config.JobConfig;
import dev.audiopipeline.pipeline.spark.KryoSetup;
import dev.audiopipeline.training.trainer.Nd4jKryo;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Starts the SparkSession of a job. Precedence, lowest first: what spark-submit set (system properties), the
 * {@code spark.*} keys of the job's settings, then {@code --master}. Without any master (the launcher), Spark
 * runs {@code local[*]}, bound to 127.0.0.1.
 */
public final class SparkSessions {

    public static final String DEFAULT_MASTER = "local[*]";

    private SparkSessions() {}

    public static SparkSession start(String appName, JobConfig config, String masterOption) {
        return start(appName, config, masterOption, false);
    }

    /**
     * @param nd4j the job moves ND4J arrays through Spark (training, scoring with a network): ND4J's Kryo
     *     registrator is added and the Kryo buffer raised ({@link Nd4jKryo})
     */
    public static SparkSession start(String appName, JobConfig config, String masterOption, boolean nd4j) {
        SparkConf conf = new SparkConf(); // reads the spark.* system properties spark-submit sets
        for (Map.Entry<String, String> property : config.sparkProperties().entrySet()) {
            conf.set(property.getKey(), property.getValue());
        }
        if (masterOption != null) {
            conf.setMaster(masterOption);
        }
        conf.setIfMissing("spark.master", DEFAULT_MASTER);
        conf.setIfMissing("spark.app.name", appName);
        if (conf.get("spark.master").startsWith("local")) {
            // A laptop or CI box: nothing but this machine needs to reach the driver.
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        }
        // One BLAS/OpenMP thread per task on executors (ND4J otherwise takes every core in every task).
        conf.setIfMissing("spark.executorEnv.OMP_NUM_THREADS", "1");
        KryoSetup.apply(conf); // Kryo, with the product's records registered
        if (nd4j) {
            Nd4jKryo.apply(conf);
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
