package dev.audiopipeline.pipeline.testing;

import java.nio.file.Path;
import dev.audiopipeline.pipeline.spark.KryoSetup;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving tests one SparkSession per test JVM ({@code local[2]}, bound to 127.0.0.1, UI off,
 * every scratch directory under the module's {@code target/test-scratch}). Starting Spark costs seconds, so
 * the session is shared by every test class in the JVM and stopped when the JVM exits.
 *
 * <pre>
 * &#64;ExtendWith(SparkTestSession.class)
 * class MyTest {
 *   &#64;Test void reads(SparkSession spark) { ... }
 * }
 * </pre>
 *
 * Surefire supplies the JVM flags Spark needs on Java 17 ({@code --add-opens}), {@code SPARK_LOCAL_IP} and
 * {@code SPARK_LOCAL_DIRS} (Spark warns when {@code spark.local.dir} is set in the configuration instead).
 */
public final class SparkTestSession implements ParameterResolver {

    private static SparkSession session;

    /** The shared session, started on first use. */
    public static synchronized SparkSession get() {
        if (session == null) {
            Path scratch = TestScratch.root().resolve("spark");
            // Kryo as the jobs use it (KryoSetup), so tests catch data Kryo cannot carry.
            org.apache.spark.SparkConf conf = KryoSetup.apply(new org.apache.spark.SparkConf());
            session = SparkSession.builder()
                    .config(conf)
                    .master("local[2]")
                    .appName("audio-pipeline-tests")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.default.parallelism", "2")
                    .config("spark.sql.warehouse.dir", scratch.resolve("warehouse").toUri().toString())
                    .config("spark.executorEnv.OMP_NUM_THREADS", "1")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop, "stop-test-spark"));
        }
        return session;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SparkSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
            throws ParameterResolutionException {
        return get();
    }
}
