package dev.audiopipeline.training.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.pipeline.testing.SparkTestSession;
import dev.audiopipeline.pipeline.testing.TestScratch;
import dev.audiopipeline.training.networks.MergedNetwork;
import dev.audiopipeline.training.networks.MergedSettings;
import dev.audiopipeline.training.networks.Optimization;
import dev.audiopipeline.training.networks.SyntheticSegments;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.dataset.api.MultiDataSet;

@ExtendWith(SparkTestSession.class)
class SparkGraphTrainerTest {

    private static final int FRAMES = 40;

    private final List<MultiDataSet> training = minibatches(96, 1);     // 6 minibatches of 16
    private final List<MultiDataSet> validation = minibatches(48, 2);   // 3

    /**
     * DL4J's invariant for a two-input graph: see SparkTrainerTest for the reasoning and the tolerance (zero). It
     * failed before CountKeepingTrainingMaster: DL4J's graph workers restarted Adam's step count every round.
     */
    @Test
    void oneWorkerAveragingAfterEveryMinibatchGivesTheParametersOfLocalTraining(SparkSession spark) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Path exportRoot = TestScratch.newDirectory("export");
        RecordingHook.clear();

        TrainingResult<ComputationGraph> onSpark = new SparkGraphTrainer(sc,
                SparkTrainerTest.settings(exportRoot, 1, 1), List.of(new RecordingHook()))
                .train(network(), sc.parallelize(training, 2), sc.parallelize(validation, 2),
                        new TrainerSettings(2, 0), ProgressListener.NONE);

        List<MultiDataSet> fitted = RecordingHook.fitted();
        assertThat(fitted).hasSize(2 * training.size());
        TrainingResult<ComputationGraph> local = new LocalTrainer<ComputationGraph>().train(network(),
                new EpochListIterator(List.of(fitted.subList(0, 6), fitted.subList(6, 12))),
                new EpochListIterator(List.of(validation, validation)), new TrainerSettings(2, 0), ProgressListener.NONE);

        assertThat(onSpark.network().params()).isEqualTo(local.network().params());
        assertThat(onSpark.network().params()).isNotEqualTo(network().params());
        SparkTrainerTest.assertSameHistory(onSpark.history(), local.history());
        assertThat(exportRoot.toFile().list()).isEmpty();
    }

    @Test
    void learnsOnTwoWorkers(SparkSession spark) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());

        TrainingResult<ComputationGraph> result = new SparkGraphTrainer(sc,
                SparkTrainerTest.settings(TestScratch.newDirectory("export"), 2, 3))
                .train(network(), sc.parallelize(minibatches(192, 3), 2), sc.parallelize(validation, 2),
                        new TrainerSettings(6, 0), ProgressListener.NONE);

        assertThat(result.history().get(5).validationAccuracy()).as(result.history().toString())
                .isGreaterThanOrEqualTo(0.9);
    }

    /** A small merged network (the seed's shape, narrow layers) with dropout, Adam 1e-2. */
    private static ComputationGraph network() {
        MergedSettings small = new MergedSettings(
                new MergedSettings.MfccBranch(16, 8, 4, 4, 0.4, 16, 4),
                new MergedSettings.ContrastBranch(16, 3, 4, 0.2, 16, 4),
                0.2, 16, new Optimization(1e-2, 1.0, 5));
        return new MergedNetwork(small).create(13, 7, FRAMES, 3);
    }

    private static List<MultiDataSet> minibatches(int examples, long seed) {
        return new ArrayList<>(SyntheticSegments.minibatches(
                SyntheticSegments.twoSequences(examples, 13, 7, FRAMES, 3, 2.0, seed), 16));
    }
}
