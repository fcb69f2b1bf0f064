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
 * One Spark training run's resources and their clean-up: the training master, the export folder the training
 * minibatches are written to once (new, under {@link SparkTrainingSettings#exportRoot()}, deleted on
 * {@link #close()} whatever happened), and the RDDs this run persisted (unpersisted on close).
 *
 * <p>The trainers export the minibatches themselves, with DL4J's own functions, rather than let
 * {@code fit(JavaRDD<DataSet>)} do it: DL4J then lists the exported files in one RDD partition per training
 * partition, and its "balanced" random split balances each partition on its own, so that some splits get more
 * minibatches than the workers fit between two averagings; a worker drops what exceeds its share (in a test, 4 of
 * 18 minibatches over three epochs). With the file list in a single partition every split gets its share, and
 * what an epoch can skip is the remainder of the minibatch count divided by workers x averaging frequency (fewer
 * than that product; other minibatches each epoch, as the split is drawn again).
 */
final class SparkRun implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SparkRun.class);

    private final JavaSparkContext sc;
    private final String exportDirectory;
    private final MinibatchHook hook;
    private final CountKeepingTrainingMaster master;
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
        this.master = new CountKeepingTrainingMaster(new ParameterAveragingTrainingMaster.Builder(workers,
                settings.batchSizePerWorker())
                .batchSizePerWorker(settings.batchSizePerWorker())
                .averagingFrequency(settings.averagingFrequency())
                .saveUpdater(true)                          // Adam's moments are averaged and kept, not reset
                .workerPrefetchNumBatches(settings.prefetchBatches())
                .exportDirectory(exportDirectory)           // unused (we export, see above), but never hadoop.tmp.dir
                .rngSeed(networkSeed)                       // which minibatches go to which split, every epoch
                .trainingHooks(hooks));
    }

    ParameterAveragingTrainingMaster master() {
        return master;
    }

    /** Where the exported minibatch files go: the export function's base directory. */
    String dataDirectory() {
        return exportDirectory + "data/";
    }

    /**
     * The paths an export function returned, in one partition and persisted: the RDD every epoch fits. Running the
     * export here reads the training data once, in parallel, and writes one file per minibatch of
     * {@link SparkTrainingSettings#batchSizePerWorker()} examples (fewer at the end of each partition).
     */
    JavaRDD<String> exportedPaths(JavaRDD<String> export) {
        List<String> paths = export.collect();
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("the training data has no minibatches");
        }
        JavaRDD<String> list = sc.parallelize(paths, 1).persist(StorageLevel.MEMORY_ONLY());
        persisted.add(list);
        return list;
    }

    /** The RDD, persisted at the settings' level unless it is persisted already: for data read every epoch. */
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
