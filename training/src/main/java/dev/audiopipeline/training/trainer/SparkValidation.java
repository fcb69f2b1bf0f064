package dev.audiopipeline.training.trainer;

import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Validation loss and accuracy of the driver's network over an RDD, in one pass: the configuration and parameters
 * are broadcast, every partition rebuilds the network once and tallies its minibatches, the driver adds the
 * partitions' tallies in partition order (the same sum on every run).
 */
final class SparkValidation {

    private SparkValidation() {}

    static ValidationTally tally(JavaSparkContext sc, Model network, JavaRDD<MultiDataSet> validation) {
        if (validation == null) {
            return new ValidationTally();
        }
        Broadcast<Blueprint> blueprint = sc.broadcast(Blueprint.of(network));
        try {
            List<ValidationTally> partitions = validation.mapPartitions(new TallyPartition(blueprint)).collect();
            return partitions.stream().reduce(new ValidationTally(), ValidationTally::plus);
        } finally {
            blueprint.destroy();
        }
    }

    /** A network as configuration JSON and parameters (plain floats: no ND4J array crosses the wire). */
    record Blueprint(boolean graph, String configuration, float[] params) implements Serializable {

        static Blueprint of(Model network) {
            float[] params = network.params().castTo(DataType.FLOAT).dup('c').data().asFloat();
            if (network instanceof MultiLayerNetwork) {
                return new Blueprint(false, ((MultiLayerNetwork) network).getLayerWiseConfigurations().toJson(),
                        params);
            }
            return new Blueprint(true, ((ComputationGraph) network).getConfiguration().toJson(), params);
        }

        Model build() {
            Model network = graph
                    ? new ComputationGraph(ComputationGraphConfiguration.fromJson(configuration))
                    : new MultiLayerNetwork(MultiLayerConfiguration.fromJson(configuration));
            INDArray values = Nd4j.create(params, new long[] {1, params.length});
            if (graph) {
                ((ComputationGraph) network).init(values, false);
            } else {
                ((MultiLayerNetwork) network).init(values, false);
            }
            return network;
        }
    }

    private static final class TallyPartition implements FlatMapFunction<Iterator<MultiDataSet>, ValidationTally> {

        private static final long serialVersionUID = 1L;
        private final Broadcast<Blueprint> blueprint;

        TallyPartition(Broadcast<Blueprint> blueprint) {
            this.blueprint = blueprint;
        }

        @Override
        public Iterator<ValidationTally> call(Iterator<MultiDataSet> minibatches) {
            ValidationTally tally = new ValidationTally();
            Model network = minibatches.hasNext() ? blueprint.value().build() : null;
            while (minibatches.hasNext()) {
                MultiDataSet minibatch = minibatches.next();
                tally.add(NetworkOps.probabilities(network, minibatch.getFeatures()), minibatch.getLabels(0));
            }
            return List.of(tally).iterator();
        }
    }
}
