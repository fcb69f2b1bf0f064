package dev.audiopipeline.training.networks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NetworkKindTest {

    @Test
    void saysWhichFeaturesEachNetworkReadsAndHow() {
        assertThat(NetworkKind.LSTM.inputs()).containsExactly(FeatureInput.MFCC);
        assertThat(NetworkKind.CNN.inputs()).containsExactly(FeatureInput.LOGMEL);
        assertThat(NetworkKind.MERGED.inputs()).containsExactly(FeatureInput.MFCC, FeatureInput.CONTRAST);
        assertThat(NetworkKind.DENSE.inputs()).containsExactly(FeatureInput.STATS);
        assertThat(NetworkKind.MERGED.isGraph()).isTrue();
        assertThat(NetworkKind.CNN.isGraph()).isFalse();
        assertThat(NetworkKind.CNN.layout().shape(32, 128, 130)).containsExactly(32, 1, 128, 130);
        assertThat(NetworkKind.LSTM.layout().shape(32, 13, 130)).containsExactly(32, 13, 130);
        assertThat(NetworkKind.DENSE.layout().shape(32, 120, 0)).containsExactly(32, 120);
    }

    @Test
    void namesRoundTripAndUnknownNamesAreRefused() {
        for (NetworkKind kind : NetworkKind.values()) {
            assertThat(NetworkKind.fromCliName(kind.cliName().toUpperCase())).isEqualTo(kind);
        }
        assertThatThrownBy(() -> NetworkKind.fromCliName("rnn"))
                .hasMessage("unknown network 'rnn'; expected one of lstm, cnn, merged, dense");
    }
}
