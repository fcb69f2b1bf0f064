package dev.audiopipeline.training.trainer;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.spark.api.TrainingHook;
import org.deeplearning4j.spark.data.BatchAndExportMultiDataSetsFunction;
import org.deeplearning4j.spark.impl.graph.SparkComputationGraph;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Trains a ComputationGraph on Spark with DL4J's parameter averaging ({@link SparkComputationGraph}), as
 * {@link SparkTrainer} does a MultiLayerNetwork; the RDDs hold MultiDataSets with the graph's inputs in order.
 */
public final class SparkGraphTrainer implements Trainer<ComputationGraph, JavaRDD<MultiDataSet>> {

    private final JavaSparkContext sc;
    private final SparkTrainingSettings spark;
    private final List<TrainingHook> extraHooks;

    public SparkGraphTrainer(JavaSparkContext sc, SparkTrainingSettings spark) {
        this(sc, spark, List.of());
    }

    /** With hooks of the caller's run on the workers around every minibatch, after this trainer's own. */
    SparkGraphTrainer(JavaSparkContext sc, SparkTrainingSettings spark, List<TrainingHook> extraHooks) {
        this.sc = sc;
        this.spark = spark;
        this.extraHooks = List.copyOf(extraHooks);
    }

    @Override
    public TrainingResult<ComputationGraph> train(ComputationGraph network, JavaRDD<MultiDataSet> training,
                                                  JavaRDD<MultiDataSet> validation, TrainerSettings settings,
                                                  ProgressListener listener) {
        try (SparkRun run = new SparkRun(sc, spark, NetworkOps.seed(network), extraHooks)) {
            JavaRDD<String> minibatches = run.exportedPaths(training.mapPartitionsWithIndex(
                    new BatchAndExportMultiDataSetsFunction(spark.batchSizePerWorker(), run.dataDirectory()), true));
            SparkComputationGraph sparkNetwork = new SparkComputationGraph(sc, network, run.master());
            EpochLoop.EpochRunner runner = run.runner(network,
                    epoch -> sparkNetwork.fitPathsMultiDataSet(minibatches), run.persist(validation));
            return EpochLoop.run(network, runner, settings, listener);
        }
    }
}
