package dev.audiopipeline.training.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EpochProgressTest {

    @Test
    void describesTheEpochInOneLine() {
        EpochProgress progress = new EpochProgress(new EpochRecord(3, 1.23456, 1.10213, Double.NaN, 0.642, 12.34),
                100, 3, 1194.4);

        assertThat(progress.describe()).isEqualTo("epoch 3/100: train loss 1.2346, validation loss 1.1021, "
                + "validation accuracy 0.6420, 12.3 s, at most 19m 54s left, best epoch 3");
    }

    @Test
    void hoursOnceTimeLeftReachesAnHour() {
        EpochProgress progress = new EpochProgress(new EpochRecord(1, 2, 2, Double.NaN, 0.1, 60), 100, 1, 5940);

        assertThat(progress.describe()).contains("at most 1h 39m left");
    }
}
