package dev.audiopipeline.training.trainer;

import dev.audiopipeline.pipeline.spark.KryoSetup;
import java.util.Arrays;
import org.apache.spark.SparkConf;

/**
 * Spark settings a training job needs before its SparkContext exists: with Kryo as the serializer (the product's
 * default, {@link KryoSetup}), ND4J's registrator, without which DL4J's broadcasts, results and persisted
 * minibatches fail with opaque NullPointerExceptions (deeplearning4j#1838), and a Kryo buffer large enough for
 * minibatches and parameters.
 */
public final class Nd4jKryo {

    public static final String REGISTRATOR = "org.nd4j.kryo.Nd4jRegistrator";

    private Nd4jKryo() {}

    /** Adds ND4J's registrator (keeping any given) and the product's, and raises the buffer unless set. */
    public static SparkConf apply(SparkConf conf) {
        KryoSetup.apply(conf);
        if (conf.get("spark.serializer").equals(KryoSetup.KRYO)) {
            String given = conf.get("spark.kryo.registrator", "").trim();
            if (!Arrays.asList(given.split("\\s*,\\s*")).contains(REGISTRATOR)) {
                conf.set("spark.kryo.registrator", REGISTRATOR + "," + given);
            }
            conf.setIfMissing("spark.kryoserializer.buffer.max", "512m");
        }
        return conf;
    }
}
