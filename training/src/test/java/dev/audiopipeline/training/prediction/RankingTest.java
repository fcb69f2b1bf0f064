package dev.audiopipeline.training.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RankingTest {
    @Test
    void ranksHighestFirstAndEqualScoresByLabelOrder() {
        assertThat(Ranking.byScore(new double[] {0.2, 0.5, 0.2, 0.1})).containsExactly(1, 0, 2, 3);
        assertThat(Ranking.best(new double[] {0.2, 0.5, 0.5, 0.1})).isEqualTo(1);
    }

    @Test
    void aTieBreakScoreDecidesBeforeLabelOrder() {
        double[] votes = {0.25, 0.5, 0.25, 0.0};
        double[] means = {0.1, 0.3, 0.4, 0.2};

        assertThat(Ranking.byScoreThen(votes, means)).containsExactly(1, 2, 0, 3);
        assertThat(Ranking.byScoreThen(votes, new double[] {0.3, 0.3, 0.3, 0.1})).containsExactly(1, 0, 2, 3);
        assertThatThrownBy(() -> Ranking.byScoreThen(votes, new double[3])).hasMessageContaining("3 values");
    }

    @Test
    void labelsKnowTheirPositions() {
        Labels labels = Labels.of("rock", "jazz");

        assertThat(labels.indexOf("jazz")).isEqualTo(1);
        assertThat(labels.indexOf("pop")).isEqualTo(-1);
        assertThatThrownBy(() -> labels.require("pop"))
                .hasMessageContaining("'pop'").hasMessageContaining("[rock, jazz]");
        assertThatThrownBy(() -> Labels.of("rock", "rock")).hasMessageContaining("twice");
    }
}
