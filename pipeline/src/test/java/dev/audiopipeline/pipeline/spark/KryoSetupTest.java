package dev.audiopipeline.pipeline.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.pipeline.source.AudioInput;
import dev.audiopipeline.pipeline.source.Split;
import dev.audiopipeline.pipeline.testing.SparkTestSession;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

@ExtendWith(SparkTestSession.class)
class KryoSetupTest {

    @Test
    void kryoByDefaultWithOurRegistratorAddedToTheUsers() {
        SparkConf fresh = KryoSetup.apply(new SparkConf(false));
        assertThat(fresh.get("spark.serializer")).isEqualTo(KryoSetup.KRYO);
        assertThat(fresh.get("spark.kryo.registrator")).isEqualTo(ProductKryoRegistrator.class.getName());

        SparkConf withNd4j = KryoSetup.apply(new SparkConf(false)
                .set("spark.kryo.registrator", "org.nd4j.kryo.Nd4jRegistrator"));
        assertThat(withNd4j.get("spark.kryo.registrator"))
                .isEqualTo("org.nd4j.kryo.Nd4jRegistrator," + ProductKryoRegistrator.class.getName());
        assertThat(KryoSetup.apply(withNd4j).get("spark.kryo.registrator")).isEqualTo(withNd4j.get("spark.kryo.registrator"));

        SparkConf java = KryoSetup.apply(new SparkConf(false)
                .set("spark.serializer", "org.apache.spark.serializer.JavaSerializer"));
        assertThat(java.contains("spark.kryo.registrator")).isFalse();
    }

    /** A record the registrator has never heard of, as a task result. */
    record Report(String host, int cores) implements java.io.Serializable {}

    @Test
    void anyRecordTravelsThroughKryo(SparkSession spark) {
        List<Report> reports = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(List.of(1, 2), 2).map(i -> new Report("host-" + i, i)).collect();
        assertThat(reports).containsExactly(new Report("host-1", 1), new Report("host-2", 2));
    }

    /** A value holding an EnumMap, as a model bundle's normaliser does. */
    static final class Scales implements java.io.Serializable {
        final Map<Split, double[]> bySplit;

        Scales(Map<Split, double[]> bySplit) {
            this.bySplit = new EnumMap<>(bySplit);
        }
    }

    /**
     * What an executor does with a broadcast or a task's closure: deserializes it with Kryo (local mode never does,
     * so this is checked with the serializer itself). Without the registrator's EnumMap rule, Kryo 4 rebuilt the map
     * with a null key type and failed with "ClassCastException: class ...Split != null".
     */
    @Test
    void enumMapsSurviveKryo() {
        KryoSerializer kryo = new KryoSerializer(KryoSetup.apply(new SparkConf(false)));
        SerializerInstance instance = kryo.newInstance();
        Scales scales = new Scales(Map.of(Split.TRAIN, new double[] {1, 2}));
        ClassTag<Object> tag = ClassTag$.MODULE$.AnyRef();

        Scales back = (Scales) instance.deserialize(instance.serialize(scales, tag), tag);

        assertThat(back.bySplit).isInstanceOf(EnumMap.class).containsOnlyKeys(Split.TRAIN);
        assertThat(back.bySplit.get(Split.TRAIN)).containsExactly(1, 2);
        back.bySplit.put(Split.TEST, new double[0]); // the key type came back too
        assertThat(back.bySplit).containsOnlyKeys(Split.TRAIN, Split.TEST);
    }

    @Test
    void recordsTravelThroughKryo(SparkSession spark) {
        assertThat(spark.conf().get("spark.serializer")).isEqualTo(KryoSetup.KRYO);
        AudioInput input = new AudioInput("file:/a b.wav", "0123456789abcdef", "rock/a b.wav", "rock", Split.TEST,
                false, 10, 20);
        List<AudioInput> back = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(List.of(input, input), 2).collect();
        assertThat(back).containsExactly(input, input);
    }
}
