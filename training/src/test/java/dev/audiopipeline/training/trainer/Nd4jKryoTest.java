package dev.audiopipeline.training.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.pipeline.spark.ProductKryoRegistrator;
import dev.audiopipeline.training.networks.SyntheticSegments;
import java.nio.ByteBuffer;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.MultiDataSet;
import scala.reflect.ClassTag$;

class Nd4jKryoTest {

    @Test
    void addsNd4jsRegistratorBesideTheProductsAndKeepsTheUsers() {
        SparkConf conf = Nd4jKryo.apply(new SparkConf(false).set("spark.kryo.registrator", "com.example.Mine"));

        assertThat(conf.get("spark.kryo.registrator").split(",")).containsExactlyInAnyOrder(
                Nd4jKryo.REGISTRATOR, "com.example.Mine", ProductKryoRegistrator.class.getName());
        assertThat(conf.get("spark.kryoserializer.buffer.max")).isEqualTo("512m");
        assertThat(Nd4jKryo.apply(conf).get("spark.kryo.registrator").split(",")).hasSize(3);
    }

    @Test
    void leavesAnotherSerializerAlone() {
        SparkConf conf = Nd4jKryo.apply(new SparkConf(false)
                .set("spark.serializer", "org.apache.spark.serializer.JavaSerializer"));

        assertThat(conf.contains("spark.kryo.registrator")).isFalse();
    }

    @Test
    void kryoCarriesMinibatchesWithIt() {
        SerializerInstance kryo = new KryoSerializer(Nd4jKryo.apply(new SparkConf(false))).newInstance();
        DataSet dataSet = SyntheticSegments.sequences(4, 13, 10, 3, 1.0, 5);
        MultiDataSet multi = SyntheticSegments.twoSequences(4, 13, 7, 10, 3, 1.0, 6);

        DataSet dataSetBack = roundTrip(kryo, dataSet, DataSet.class);
        MultiDataSet multiBack = roundTrip(kryo, multi, MultiDataSet.class);

        assertThat(dataSetBack.getFeatures()).isEqualTo(dataSet.getFeatures());
        assertThat(dataSetBack.getLabels()).isEqualTo(dataSet.getLabels());
        assertThat(multiBack.getFeatures(1)).isEqualTo(multi.getFeatures(1));
        assertThat(multiBack.getLabels(0)).isEqualTo(multi.getLabels(0));
    }

    private static <T> T roundTrip(SerializerInstance kryo, T value, Class<T> type) {
        ByteBuffer bytes = kryo.serialize(value, ClassTag$.MODULE$.apply(type));
        return kryo.deserialize(bytes, ClassTag$.MODULE$.apply(type));
    }
}
