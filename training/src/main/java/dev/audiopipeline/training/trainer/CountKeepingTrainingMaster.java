package dev.audiopipeline.training.trainer;

import java.util.Collection;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.core.storage.StatsStorageRouterProvider;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.spark.api.TrainingHook;
import org.deeplearning4j.spark.api.WorkerConfiguration;
import org.deeplearning4j.spark.api.worker.NetBroadcastTuple;
import org.deeplearning4j.spark.impl.graph.SparkComputationGraph;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingWorker;



/**
 * DL4J's parameter averaging master with one fix for ComputationGraphs: M2's
 * {@code ComputationGraphConfiguration.clone()} drops the iteration and epoch counts (MultiLayerConfiguration's
 * keeps them), so every worker's copy of a graph started each averaging round at iteration 0 and Adam applied its
 * first steps' bias correction again and again (found by SparkGraphTrainerTest's comparison with one machine). Here
 * the worker copies the counts from the configuration the driver broadcast.
 */
final class CountKeepingTrainingMaster extends ParameterAveragingTrainingMaster {

    private static final long serialVersionUID = 1L;

    CountKeepingTrainingMaster(Builder builder) {
        super(builder);
    }

    /** As DL4J's, but with the worker below (training statistics, which this product does not collect, left out). */
    @Override
    public ParameterAveragingTrainingWorker getWorkerInstance(SparkComputationGraph graph) {
        ComputationGraph network = graph.getNetwork();
        NetBroadcastTuple tuple = new NetBroadcastTuple(network.getConfiguration(), network.params(),
                network.getUpdater().getStateViewArray());
        Broadcast<NetBroadcastTuple> broadcast = graph.getSparkContext().broadcast(tuple);
        WorkerConfiguration configuration = new WorkerConfiguration(true, rddDataSetNumExamples, batchSizePerWorker,
                averagingFrequency, prefetchNumBatches, collectTrainingStats);
        return new CountKeepingWorker(broadcast, saveUpdater, configuration, trainingHookList, listeners,
                getRouterProvider());
    }

    private static final class CountKeepingWorker extends ParameterAveragingTrainingWorker {

        private static final long serialVersionUID = 1L;
        private final Broadcast<NetBroadcastTuple> broadcast;

        CountKeepingWorker(Broadcast<NetBroadcastTuple> broadcast, boolean saveUpdater,
                           WorkerConfiguration configuration, Collection<TrainingHook> hooks,
                           Collection<TrainingListener> listeners, StatsStorageRouterProvider router) {
            super(broadcast, saveUpdater, configuration, hooks, listeners, router);
            this.broadcast = broadcast;
        }

        @Override
        public ComputationGraph getInitialModelGraph() {
            ComputationGraph network = super.getInitialModelGraph();
            ComputationGraphConfiguration sent = broadcast.getValue().getGraphConfiguration();
            network.getConfiguration().setIterationCount(sent.getIterationCount());
            network.getConfiguration().setEpochCount(sent.getEpochCount());
            return network;
        }
    }
}
