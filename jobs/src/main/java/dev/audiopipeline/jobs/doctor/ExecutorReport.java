package dev.audiopipeline.jobs.doctor;

import dev.audiopipeline.features.FeatureSettings;
import dev.audiopipeline.pipeline.decode.DecoderProbe;
import dev.audiopipeline.training.runtime.Nd4jBackendProbe;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.spark.SparkEnv;

/** What one Spark task found about the executor JVM it ran in. */
public record ExecutorReport(
        String executorId,
        String host,
        String javaVersion,
        int cores,
        long maxHeapMb,
        String ompThreads,
        boolean kernelOk,
        String kernelDetail,
        boolean decodingOk,
        String decodingDetail,
        boolean nd4jOk,
        String nd4jDetail) implements Serializable {

    /** Runs every check in the current (executor) JVM. */
    public static ExecutorReport collect(FeatureSettings settings, boolean checkNd4j) {
        FeatureKernelProbe.Result kernel = FeatureKernelProbe.run(settings);
        DecoderProbe.Result decoding = DecoderProbe.run();
        Nd4jBackendProbe.Result nd4j = checkNd4j ? Nd4jBackendProbe.run() : new Nd4jBackendProbe.Result(true, "skipped");
        SparkEnv env = SparkEnv.get();
        return new ExecutorReport(
                env == null ? "?" : env.executorId(),
                hostName(),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                String.valueOf(System.getenv("OMP_NUM_THREADS")),
                kernel.ok(),
                kernel.detail(),
                decoding.ok(),
                decoding.detail(),
                nd4j.ok(),
                nd4j.detail());
    }

    public boolean ok() {
        return kernelOk && decodingOk && nd4jOk;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
