package dev.audiopipeline.training.trainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.spark.api.TrainingHook;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Spark training run's resources and their clean-up: the training master, the export folder it writes the
 * minibatches to (new, under {@link SparkTrainingSettings#exportRoot()}, deleted on {@link #close()} whatever
 * happened), and the RDDs this run persisted (unpersisted on close).
 */
final class SparkRun implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SparkRun.class);

    private final JavaSparkContext sc;
    private final String exportDirectory;
    private final MinibatchHook hook;
    private final ParameterAveragingTrainingMaster master;
    private final SparkTrainingSettings settings;
    private final List<JavaRDD<?>> persisted = new ArrayList<>();

    SparkRun(JavaSparkContext sc, SparkTrainingSettings settings, long networkSeed, List<TrainingHook> extraHooks) {
        this.sc = sc;
        this.settings = settings;
        String root = settings.exportRoot();
        this.exportDirectory = (root.endsWith("/") ? root : root + "/") + "dl4j-export-" + UUID.randomUUID() + "/";
        this.hook = new MinibatchHook(networkSeed, sc.sc().doubleAccumulator("training loss sum"),
                sc.sc().longAccumulator("training minibatches"));
        List<TrainingHook> hooks = new ArrayList<>();
        hooks.add(hook);
        hooks.addAll(extraHooks);
        Integer workers = settings.workers() == 0 ? null : settings.workers();   // null: Spark's parallelism
        this.master = new ParameterAveragingTrainingMaster.Builder(workers, settings.batchSizePerWorker())
                .batchSizePerWorker(settings.batchSizePerWorker())
                .averagingFrequency(settings.averagingFrequency())
                .saveUpdater(true)                          // Adam's moments are averaged and kept, not reset
                .workerPrefetchNumBatches(settings.prefetchBatches())
                .exportDirectory(exportDirectory)           // DL4J's default, hadoop.tmp.dir/dl4j, is never cleaned
                .rngSeed(networkSeed)                       // which minibatches go to which split, every epoch
                .trainingHooks(hooks)
                .build();
    }

    ParameterAveragingTrainingMaster master() {
        return master;
    }

    /**
     * The RDD, persisted at the settings' level unless it is persisted already. The same RDD object must be
     * fitted every epoch: DL4J exports the minibatches once per RDD id and re-exports for any other RDD.
     */
    <T> JavaRDD<T> persist(JavaRDD<T> rdd) {
        if (rdd != null && rdd.getStorageLevel().equals(StorageLevel.NONE())) {
            rdd.persist(settings.storageLevel());
            persisted.add(rdd);
        }
        return rdd;
    }

    /** The epochs of a network whose Spark wrapper trains one epoch per {@code fitEpoch} call. */
    EpochLoop.EpochRunner runner(Model network, IntConsumer fitEpoch, JavaRDD<MultiDataSet> validation) {
        return new EpochLoop.EpochRunner() {
            @Override
            public double fit(int epoch) {
                hook.startEpoch(epoch);
                fitEpoch.accept(epoch);
                return hook.meanLoss();
            }

            @Override
            public ValidationTally validate() {
                return SparkValidation.tally(sc, network, validation);
            }
        };
    }

    @Override
    public void close() {
        persisted.forEach(JavaRDD::unpersist);
        master.deleteTempFiles(sc);
        try {
            FileSystem fileSystem = FileSystem.get(URI.create(exportDirectory), sc.hadoopConfiguration());
            Path folder = new Path(exportDirectory);
            if (fileSystem.exists(folder) && !fileSystem.delete(folder, true)) {
                LOG.warn("could not delete DL4J's export folder {}", exportDirectory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete DL4J's export folder " + exportDirectory, e);
        }
    }
}
