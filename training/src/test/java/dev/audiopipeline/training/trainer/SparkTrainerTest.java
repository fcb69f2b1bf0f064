package dev.audiopipeline.training.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.audiopipeline.pipeline.testing.SparkTestSession;
import dev.audiopipeline.pipeline.testing.TestScratch;
import dev.audiopipeline.training.networks.SyntheticSegments;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;

@ExtendWith(SparkTestSession.class)
class SparkTrainerTest {

    private final List<DataSet> training = TrainingData.minibatches(96, 1);     // 6 minibatches of 16
    private final List<DataSet> validation = TrainingData.minibatches(48, 2);   // 3

    /**
     * DL4J's own invariant (TestCompareParameterAveragingSparkVsSingleMachine): one worker that averages after
     * every minibatch does what one machine does. The local trainer replays the minibatches in the order the
     * worker fitted them (the split order is random per epoch). Dropout included: both sides seed every
     * minibatch's masks the same way.
     */
    @Test
    void oneWorkerAveragingAfterEveryMinibatchGivesTheParametersOfLocalTraining(SparkSession spark) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        SparkTrainingSettings oneWorker = settings(TestScratch.newDirectory("export"), 1, 1);
        RecordingHook.clear();

        TrainingResult<MultiLayerNetwork> onSpark = new SparkTrainer(sc, oneWorker, List.of(new RecordingHook()))
                .train(TrainingData.network(5), sc.parallelize(training, 2), sc.parallelize(validation, 2),
                        new TrainerSettings(3, 0), ProgressListener.NONE);

        List<MultiDataSet> fitted = RecordingHook.fitted();
        assertThat(fitted).hasSize(3 * training.size());
        List<List<MultiDataSet>> epochs = List.of(fitted.subList(0, 6), fitted.subList(6, 12), fitted.subList(12, 18));
        TrainingResult<MultiLayerNetwork> local = new LocalTrainer<MultiLayerNetwork>().train(TrainingData.network(5),
                new EpochListIterator(epochs), TrainingData.iterator(validation), new TrainerSettings(3, 0),
                ProgressListener.NONE);

        // Tolerance zero, bit for bit: one worker's "average" is its own parameters and updater state divided by 1,
        // and it runs the same float32 operations in the same order as the driver on the same single-threaded
        // backend (OMP_NUM_THREADS=1), from the same exported-and-reloaded minibatches with the same dropout seeds.
        // Anything else (a lost minibatch, a reset Adam state, another iteration count in Adam's bias correction,
        // another dropout mask) shows as a difference of 1e-4 or more.
        assertThat(onSpark.network().params()).isEqualTo(local.network().params());
        assertThat(onSpark.network().getUpdater().getStateViewArray())
                .isEqualTo(local.network().getUpdater().getStateViewArray());
        assertThat(onSpark.network().params()).isNotEqualTo(TrainingData.network(5).params());
        assertSameHistory(onSpark.history(), local.history());
    }

    @Test
    void theSameInputAndSettingsOnOneWorkerGiveTheSameParameters(SparkSession spark) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        SparkTrainingSettings oneWorker = settings(TestScratch.newDirectory("export"), 1, 2);

        TrainingResult<MultiLayerNetwork> first = trainOnSpark(sc, oneWorker, 3);
        TrainingResult<MultiLayerNetwork> again = trainOnSpark(sc, oneWorker, 3);

        assertThat(again.network().params()).isEqualTo(first.network().params());
        assertThat(withoutSeconds(again.history())).isEqualTo(withoutSeconds(first.history()));
    }

    @Test
    void learnsOnTwoWorkersAndLeavesNoExportBehind(SparkSession spark) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Path exportRoot = TestScratch.newDirectory("export");
        JavaRDD<DataSet> trainingRdd = sc.parallelize(TrainingData.minibatches(192, 3), 2);

        TrainingResult<MultiLayerNetwork> result = new SparkTrainer(sc, settings(exportRoot, 2, 2)).train(
                TrainingData.network(5), trainingRdd, sc.parallelize(validation, 2), new TrainerSettings(6, 0),
                ProgressListener.NONE);

        assertThat(result.history().get(5).validationAccuracy()).isGreaterThanOrEqualTo(0.9);
        assertThat(result.history().get(5).trainLoss()).isLessThan(result.history().get(0).trainLoss());
        assertThat(exportRoot.toFile().list()).isEmpty();
        assertThat(trainingRdd.getStorageLevel()).isEqualTo(StorageLevel.NONE());   // persisted and released
    }

    @Test
    void cleansUpWhenTrainingFails(SparkSession spark) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Path exportRoot = TestScratch.newDirectory("export");
        JavaRDD<DataSet> trainingRdd = sc.parallelize(training, 2);
        List<DataSet> tooWide = List.of(SyntheticSegments.vectors(16, TrainingData.FEATURES + 1, 3, 3.0, 9));

        assertThatThrownBy(() -> new SparkTrainer(sc, settings(exportRoot, 1, 1)).train(TrainingData.network(5),
                trainingRdd, sc.parallelize(tooWide, 1), new TrainerSettings(2, 0), ProgressListener.NONE))
                .isInstanceOf(Exception.class);

        assertThat(exportRoot.toFile().list()).isEmpty();
        assertThat(trainingRdd.getStorageLevel()).isEqualTo(StorageLevel.NONE());
    }

    private TrainingResult<MultiLayerNetwork> trainOnSpark(JavaSparkContext sc, SparkTrainingSettings settings,
                                                           int epochs) {
        return new SparkTrainer(sc, settings).train(TrainingData.network(5), sc.parallelize(training, 2),
                sc.parallelize(validation, 2), new TrainerSettings(epochs, 0), ProgressListener.NONE);
    }

    /**
     * The same losses and accuracies epoch by epoch; the losses within 1e-12, as Spark adds the minibatches'
     * losses partition by partition and one machine in one run (float64 sums in another order).
     */
    static void assertSameHistory(List<EpochRecord> onSpark, List<EpochRecord> local) {
        assertThat(onSpark).hasSameSizeAs(local);
        for (int epoch = 0; epoch < local.size(); epoch++) {
            assertThat(onSpark.get(epoch).trainLoss()).isCloseTo(local.get(epoch).trainLoss(), within(1e-12));
            assertThat(onSpark.get(epoch).validationLoss()).isCloseTo(local.get(epoch).validationLoss(),
                    within(1e-12));
            assertThat(onSpark.get(epoch).validationAccuracy()).isEqualTo(local.get(epoch).validationAccuracy());
        }
    }

    /** Each epoch's record but its (varying) duration. */
    static List<List<Double>> withoutSeconds(List<EpochRecord> history) {
        return history.stream().map(epoch -> List.of((double) epoch.epoch(), epoch.trainLoss(),
                epoch.validationLoss(), epoch.validationAccuracy())).toList();
    }

    static SparkTrainingSettings settings(Path exportRoot, int workers, int averagingFrequency) {
        return SparkTrainingSettings.defaults(exportRoot.toUri().toString()).withWorkers(workers)
                .withAveragingFrequency(averagingFrequency).withBatchSizePerWorker(16);
    }

}
