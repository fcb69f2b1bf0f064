package dev.audiopipeline.pipeline.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import java.util.EnumMap;
import org.apache.spark.serializer.KryoRegistrator;

/**
 * Lets Spark's Kryo serializer carry Java records (the product's inputs, reports, rejections): Kryo 4, which Spark
 * ships, cannot build a record (final fields, no no-argument constructor), so every subclass of
 * {@link Record} goes through Java serialization inside Kryo. Likewise every {@link EnumMap}: Kryo 4's map
 * serializer makes the copy without a constructor, so its key type is null and the first {@code put} fails with
 * "ClassCastException: class X != null" (a model bundle's normaliser broadcast to a cluster's executors did; local
 * mode never deserializes a broadcast, so only a real cluster showed it). Jobs set it whenever Kryo is the serializer
 * ({@code spark.kryo.registrator}, added to any the user gives).
 */
public final class ProductKryoRegistrator implements KryoRegistrator {

    @Override
    public void registerClasses(Kryo kryo) {
        kryo.addDefaultSerializer(Record.class, new JavaSerializer());
        kryo.addDefaultSerializer(EnumMap.class, new JavaSerializer());
    }
}
