package dev.audiopipeline.pipeline.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.audiopipeline.pipeline.corpus.WavWriter;
import dev.audiopipeline.pipeline.corpus.WavWriter.Encoding;
import dev.audiopipeline.pipeline.decode.AudioDecodeException;
import dev.audiopipeline.pipeline.rejection.RejectionReason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MonoAudioReaderTest {

    @Test
    void averagesChannelsAndResamplesToTheTargetRate() throws IOException {
        int frames = 44100;
        float[] left = new float[frames];
        float[] right = new float[frames];
        for (int i = 0; i < frames; i++) {
            double tone = Math.sin(2 * Math.PI * 440 * i / 44100.0);
            left[i] = (float) (0.6 * tone);
            right[i] = (float) (0.2 * tone);
        }
        DecodedAudio audio = read(wav(new float[][] {left, right}, 44100), 22050);

        assertThat(audio.sampleRate()).isEqualTo(22050);
        assertThat(audio.source().sampleRate()).isEqualTo(44100);
        assertThat(audio.source().channels()).isEqualTo(2);
        assertThat(audio.samples()).hasSize(22050); // ceil(44100 * 22050 / 44100), librosa's fix=True length
        // The mean of 0.6 and 0.2 amplitudes is 0.4: compare the interior with the ideal tone at 22050 Hz.
        for (int i = 1000; i < 21000; i++) {
            double ideal = 0.4 * Math.sin(2 * Math.PI * 440 * i / 22050.0);
            assertThat((double) audio.samples()[i]).as("sample %d", i).isCloseTo(ideal, within(1e-3));
        }
    }

    @Test
    void keepsSamplesUnchangedAtTheSourceRate() throws IOException {
        float[] samples = {0.5f, -0.25f, 0.125f, 0f};
        DecodedAudio audio = read(wav(new float[][] {samples}, 16000), 16000);
        assertThat(audio.samples()).containsExactly(samples);
    }

    @Test
    void passesDecoderReasonsThrough() {
        byte[] text = "not audio".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new MonoAudioReader(22050).read(new ByteArrayInputStream(text), "notes.wav"))
                .isInstanceOfSatisfying(AudioDecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.UNSUPPORTED_FORMAT))
                .hasMessageContaining("notes.wav");
    }

    private static DecodedAudio read(byte[] wav, int rate) throws IOException {
        return new MonoAudioReader(rate).read(new ByteArrayInputStream(wav), "test.wav");
    }

    private static byte[] wav(float[][] channels, int rate) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WavWriter.of(Encoding.FLOAT_32).write(out, channels, rate);
        return out.toByteArray();
    }
}
