package dev.audiopipeline.training.trainer;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.api.TrainingHook;
import org.deeplearning4j.spark.data.BatchAndExportDataSetsFunction;
import org.deeplearning4j.spark.impl.graph.dataset.DataSetToMultiDataSetFn;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Trains a MultiLayerNetwork on Spark with DL4J's parameter averaging ({@link SparkDl4jMultiLayer}), see
 * {@link SparkTrainingSettings}. Each element of the RDDs holds one or more examples. The training RDD is read
 * once, to export its minibatches of {@link SparkTrainingSettings#batchSizePerWorker()} examples (see
 * {@code SparkRun}); every epoch fits those files. The validation RDD is read every epoch (persisted unless it
 * is already).
 * Needs ND4J's Kryo registrator when Kryo is Spark's serializer ({@link Nd4jKryo}).
 */
public final class SparkTrainer implements Trainer<MultiLayerNetwork, JavaRDD<DataSet>> {

    private final JavaSparkContext sc;
    private final SparkTrainingSettings spark;
    private final List<TrainingHook> extraHooks;

    public SparkTrainer(JavaSparkContext sc, SparkTrainingSettings spark) {
        this(sc, spark, List.of());
    }

    /** With hooks of the caller's run on the workers around every minibatch, after this trainer's own. */
    SparkTrainer(JavaSparkContext sc, SparkTrainingSettings spark, List<TrainingHook> extraHooks) {
        this.sc = sc;
        this.spark = spark;
        this.extraHooks = List.copyOf(extraHooks);
    }

    @Override
    public TrainingResult<MultiLayerNetwork> train(MultiLayerNetwork network, JavaRDD<DataSet> training,
                                                   JavaRDD<DataSet> validation, TrainerSettings settings,
                                                   ProgressListener listener) {
        try (SparkRun run = new SparkRun(sc, spark, NetworkOps.seed(network), extraHooks)) {
            JavaRDD<String> minibatches = run.exportedPaths(training.mapPartitionsWithIndex(
                    new BatchAndExportDataSetsFunction(spark.batchSizePerWorker(), run.dataDirectory()), true));
            JavaRDD<DataSet> validationData = run.persist(validation);
            SparkDl4jMultiLayer sparkNetwork = new SparkDl4jMultiLayer(sc, network, run.master());
            EpochLoop.EpochRunner runner = run.runner(network, epoch -> sparkNetwork.fitPaths(minibatches),
                    validationData == null ? null : validationData.map(new DataSetToMultiDataSetFn()));
            return EpochLoop.run(network, runner, settings, listener);
        }
    }
}
