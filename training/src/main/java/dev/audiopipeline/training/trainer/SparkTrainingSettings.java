package dev.audiopipeline.training.trainer;

import dev.audiopipeline.training.networks.SettingChecks;
import org.apache.spark.storage.StorageLevel;

/**
 * How DL4J's parameter averaging runs on Spark ({@code ParameterAveragingTrainingMaster}).
 *
 * @param workers Spark tasks training at once (executors x task slots); 0 takes Spark's default parallelism
 * @param batchSizePerWorker examples per minibatch each worker fits (DL4J re-batches the training RDD to it)
 * @param averagingFrequency minibatches each worker fits between two averagings of parameters and updater state
 * @param prefetchBatches minibatches a worker loads ahead, on another thread (0: none)
 * @param exportRoot a directory URI every executor and the driver can reach (HDFS, S3, or local disk on a single
 *     machine): DL4J exports the training minibatches under a new folder in it, deleted when training ends
 * @param storageLevel how the validation RDD (read every epoch) is persisted, unless the caller persisted it; the
 *     training RDD is read once, to export its minibatches
 */
public record SparkTrainingSettings(int workers, int batchSizePerWorker, int averagingFrequency, int prefetchBatches,
                                    String exportRoot, StorageLevel storageLevel) {

    /**
     * Spark's parallelism, minibatches of 32 (the seeds'), averaging every 5 minibatches (DL4J's default), 2
     * prefetched, validation data persisted serialized in memory, spilling to disk (sized as Spark counts it: ND4J's
     * arrays of a deserialized DataSet live off-heap, where Spark does not look).
     */
    public static SparkTrainingSettings defaults(String exportRoot) {
        return new SparkTrainingSettings(0, 32, 5, 2, exportRoot, StorageLevel.MEMORY_AND_DISK_SER());
    }

    public SparkTrainingSettings {
        SettingChecks.atLeast(0, workers, "workers");
        SettingChecks.atLeast(1, batchSizePerWorker, "batch size per worker");
        SettingChecks.atLeast(1, averagingFrequency, "averaging frequency");
        SettingChecks.atLeast(0, prefetchBatches, "prefetch batches");
        SettingChecks.present(exportRoot, "export root");
        SettingChecks.present(storageLevel, "storage level");
    }

    public SparkTrainingSettings withWorkers(int count) {
        return new SparkTrainingSettings(count, batchSizePerWorker, averagingFrequency, prefetchBatches, exportRoot,
                storageLevel);
    }

    public SparkTrainingSettings withAveragingFrequency(int minibatches) {
        return new SparkTrainingSettings(workers, batchSizePerWorker, minibatches, prefetchBatches, exportRoot,
                storageLevel);
    }

    public SparkTrainingSettings withBatchSizePerWorker(int examples) {
        return new SparkTrainingSettings(workers, examples, averagingFrequency, prefetchBatches, exportRoot,
                storageLevel);
    }
}
