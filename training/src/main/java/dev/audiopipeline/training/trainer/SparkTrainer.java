package dev.audiopipeline.training.trainer;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.api.TrainingHook;
import org.deeplearning4j.spark.impl.graph.dataset.DataSetToMultiDataSetFn;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Trains a MultiLayerNetwork on Spark with DL4J's parameter averaging ({@link SparkDl4jMultiLayer}), see
 * {@link SparkTrainingSettings}. Each element of the RDDs is one minibatch or more examples (DL4J re-batches the
 * training data to {@link SparkTrainingSettings#batchSizePerWorker()}); the same RDD is fitted every epoch.
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
            JavaRDD<DataSet> trainingData = run.persist(training);
            JavaRDD<DataSet> validationData = run.persist(validation);
            SparkDl4jMultiLayer sparkNetwork = new SparkDl4jMultiLayer(sc, network, run.master());
            EpochLoop.EpochRunner runner = run.runner(network, epoch -> sparkNetwork.fit(trainingData),
                    validationData == null ? null : validationData.map(new DataSetToMultiDataSetFn()));
            return EpochLoop.run(network, runner, settings, listener);
        }
    }
}
