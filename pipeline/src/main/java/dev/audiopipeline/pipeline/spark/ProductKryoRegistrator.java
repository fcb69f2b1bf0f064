package dev.audiopipeline.pipeline.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import org.apache.spark.serializer.KryoRegistrator;

/**
 * Lets Spark's Kryo serializer carry Java records (the product's inputs, reports, rejections): Kryo 4, which Spark
 * ships, cannot build a record (final fields, no no-argument constructor), so every subclass of
 * {@link Record} goes through Java serialization inside Kryo. Jobs set it whenever Kryo is the serializer
 * ({@code spark.kryo.registrator}, added to any the user gives).
 */
public final class ProductKryoRegistrator implements KryoRegistrator {

    @Override
    public void registerClasses(Kryo kryo) {
        kryo.addDefaultSerializer(Record.class, new JavaSerializer());
    }
}
