package dev.audiopipeline.training.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class LocalTrainerTest {

    private final List<DataSet> training = TrainingData.minibatches(96, 1);
    private final List<DataSet> validation = TrainingData.minibatches(48, 2);

    @Test
    void trainsRecordsEveryEpochAndTellsTheListener() {
        List<EpochProgress> told = new ArrayList<>();

        TrainingResult<MultiLayerNetwork> result = new LocalTrainer<MultiLayerNetwork>().train(
                TrainingData.network(5), TrainingData.iterator(training), TrainingData.iterator(validation),
                new TrainerSettings(8, 0), told::add);

        assertThat(result.history()).extracting(EpochRecord::epoch).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(result.stopReason()).isEqualTo(StopReason.EPOCHS_DONE);
        assertThat(told).extracting(EpochProgress::record).isEqualTo(result.history());
        assertThat(told).allMatch(progress -> progress.maxEpochs() == 8);
        EpochRecord first = result.history().get(0);
        EpochRecord last = result.history().get(7);
        assertThat(last.trainLoss()).isLessThan(first.trainLoss());
        assertThat(last.validationAccuracy()).isGreaterThanOrEqualTo(0.9);
        assertThat(first.seconds()).isPositive();
        assertThat(first.trainAccuracy()).isNaN();
        int lowest = result.history().stream().min((a, b) -> Double.compare(a.validationLoss(), b.validationLoss()))
                .orElseThrow().epoch();
        assertThat(result.keptEpoch()).isEqualTo(lowest);
    }

    @Test
    void theSameDataAndSettingsGiveTheSameParametersDropoutIncluded() {
        MultiLayerNetwork first = trainFor(4, TrainingData.network(5));
        MultiLayerNetwork again = trainFor(4, TrainingData.network(5));
        Nd4j.getRandom().setSeed(99);   // whatever ran before on this thread must not matter
        MultiLayerNetwork third = trainFor(4, TrainingData.network(5));
        MultiLayerNetwork otherSeed = trainFor(4, TrainingData.network(6));

        assertThat(again.params()).isEqualTo(first.params());
        assertThat(third.params()).isEqualTo(first.params());
        assertThat(otherSeed.params()).isNotEqualTo(first.params());
    }

    @Test
    void stopsWhenValidationLossStopsFallingAndKeepsTheBestEpoch() {
        // validation labels that contradict the training ones: the better the network learns, the worse it does
        List<DataSet> contradicting = new ArrayList<>();
        for (DataSet minibatch : validation) {
            contradicting.add(new DataSet(minibatch.getFeatures(),
                    Nd4j.concat(1, minibatch.getLabels().getColumns(1, 2), minibatch.getLabels().getColumns(0))));
        }

        TrainingResult<MultiLayerNetwork> result = new LocalTrainer<MultiLayerNetwork>().train(
                TrainingData.network(5), TrainingData.iterator(training), TrainingData.iterator(contradicting),
                new TrainerSettings(30, 2), ProgressListener.NONE);

        assertThat(result.stopReason()).isEqualTo(StopReason.NO_IMPROVEMENT);
        assertThat(result.history()).hasSize(result.keptEpoch() + 2);
        // training is deterministic: the kept parameters are those of a run that stops at the kept epoch
        MultiLayerNetwork stoppedThere = trainFor(result.keptEpoch(), TrainingData.network(5));
        assertThat(result.network().params()).isEqualTo(stoppedThere.params());
        assertThat(result.network().getUpdater().getStateViewArray())
                .isEqualTo(stoppedThere.getUpdater().getStateViewArray());
    }

    @Test
    void withoutValidationRunsEveryEpochAndKeepsTheLast() {
        TrainingResult<MultiLayerNetwork> result = new LocalTrainer<MultiLayerNetwork>().train(
                TrainingData.network(5), TrainingData.iterator(training), null, new TrainerSettings(3, 1),
                ProgressListener.NONE);

        assertThat(result.history()).hasSize(3);
        assertThat(result.keptEpoch()).isEqualTo(3);
        assertThat(result.history().get(2).validationLoss()).isNaN();
    }

    private MultiLayerNetwork trainFor(int epochs, MultiLayerNetwork network) {
        return new LocalTrainer<MultiLayerNetwork>().train(network, TrainingData.iterator(training), null,
                new TrainerSettings(epochs, 0), ProgressListener.NONE).network();
    }
}
