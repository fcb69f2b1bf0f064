package dev.audiopipeline.pipeline.spark;

import org.apache.spark.SparkConf;

/**
 * Makes Kryo the serializer unless the configuration names another, and adds {@link ProductKryoRegistrator} to
 * the registrators (keeping any the user listed, e.g. ND4J's for training).
 */
public final class KryoSetup {

    public static final String KRYO = "org.apache.spark.serializer.KryoSerializer";

    private KryoSetup() {}

    public static SparkConf apply(SparkConf conf) {
        conf.setIfMissing("spark.serializer", KRYO);
        if (conf.get("spark.serializer").equals(KRYO)) {
            String ours = ProductKryoRegistrator.class.getName();
            String given = conf.get("spark.kryo.registrator", "").trim();
            if (given.isEmpty()) {
                conf.set("spark.kryo.registrator", ours);
            } else if (!java.util.Arrays.asList(given.split("\\s*,\\s*")).contains(ours)) {
                conf.set("spark.kryo.registrator", given + "," + ours);
            }
        }
        return conf;
    }
}
