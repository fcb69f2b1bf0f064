package dev.audiopipeline.pipeline.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiopipeline.pipeline.corpus.WavWriter;
import dev.audiopipeline.pipeline.decode.AudioStream;
import dev.audiopipeline.pipeline.decode.AudioStreamInfo;
import dev.audiopipeline.pipeline.decode.WavDecoder;
import dev.audiopipeline.pipeline.rejection.RejectedAudioException;
import dev.audiopipeline.pipeline.rejection.RejectionReason;
import dev.audiopipeline.pipeline.segment.Segment;
import dev.audiopipeline.pipeline.segment.SegmentSettings;
import dev.audiopipeline.pipeline.segment.SegmentSettings.TailPolicy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentedAudioReaderTest {

    @Test
    void stereo44kFileBecomesMonoSegmentsAt22k() throws IOException {
        byte[] wav = stereoTone(44100, 10.5);
        List<Segment> segments = new ArrayList<>();

        SegmentedAudioReader.Summary summary = new SegmentedAudioReader(22050, SegmentSettings.defaults())
                .read(WavDecoder.open(new ByteArrayInputStream(wav), "t.wav"), "t.wav", segments::add);

        assertThat(summary.segments()).isEqualTo(3);
        assertThat(summary.source().sampleRate()).isEqualTo(44100);
        assertThat(summary.secondsUsed()).isEqualTo(10.5);
        assertThat(segments).extracting(Segment::startSeconds).containsExactly(0.0, 3.0, 6.0);
        for (Segment segment : segments) {
            assertThat(segment.samples()).hasSize(3 * 22050);
            assertThat(segment.sampleRate()).isEqualTo(22050);
        }
        // Mono mean of 0.6 and 0.2 amplitude channels of a 440 Hz tone, resampled: 0.4 amplitude, in phase.
        float[] middle = segments.get(1).samples();
        for (int i = 0; i < middle.length; i += 997) {
            double t = (3 * 22050 + i) / 22050.0;
            assertThat((double) middle[i]).isCloseTo(0.4 * Math.sin(2 * Math.PI * 440 * t),
                    org.assertj.core.data.Offset.offset(1e-3));
        }
    }

    @Test
    void paddedTailAndTooShortFiles() throws IOException {
        SegmentSettings pad = new SegmentSettings(3, 3, TailPolicy.PAD, 0.5, 0);
        List<Segment> segments = new ArrayList<>();
        new SegmentedAudioReader(22050, pad)
                .read(WavDecoder.open(new ByteArrayInputStream(stereoTone(22050, 7.6)), "t.wav"), "t.wav",
                        segments::add);
        assertThat(segments).hasSize(3);
        assertThat(segments.get(2).durationSeconds()).isCloseTo(1.6, org.assertj.core.data.Offset.offset(1e-4));

        assertThatThrownBy(() -> new SegmentedAudioReader(22050, SegmentSettings.defaults())
                .read(WavDecoder.open(new ByteArrayInputStream(stereoTone(22050, 2.0)), "short.wav"), "short.wav",
                        segment -> { }))
                .isInstanceOfSatisfying(RejectedAudioException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.TOO_SHORT))
                .hasMessage("short.wav: 2.00 s of audio, shorter than one 3.00 s segment");
    }

    @Test
    void stopsDecodingAtTheCap() throws IOException {
        CountingStream endless = new CountingStream(48000, 2);
        SegmentSettings capped = new SegmentSettings(3, 3, TailPolicy.DROP, 0.5, 30);
        List<Segment> segments = new ArrayList<>();

        new SegmentedAudioReader(22050, capped).read(endless, "radio stream", segments::add);

        assertThat(segments).hasSize(10);
        // Decoding stopped within one block (8192 frames) plus the resampler's look-ahead (its FFT stage emits
        // output a block pair at a time: under 32768 input frames here) of the 30 s it needed.
        assertThat(endless.framesRead).isBetween(30L * 48000, 30L * 48000 + 8192 + 32768);
    }

    /** An endless source of silence that counts how much was read. */
    private static final class CountingStream implements AudioStream {
        private final AudioStreamInfo info;
        long framesRead;

        CountingStream(int rate, int channels) {
            this.info = new AudioStreamInfo(rate, channels, -1, "test");
        }

        @Override
        public AudioStreamInfo info() {
            return info;
        }

        @Override
        public int read(float[] interleaved, int maxFrames) {
            java.util.Arrays.fill(interleaved, 0, maxFrames * info.channels(), 0f);
            framesRead += maxFrames;
            return maxFrames;
        }

        @Override
        public void close() {}
    }

    private static byte[] stereoTone(int rate, double seconds) throws IOException {
        int frames = (int) Math.round(rate * seconds);
        float[] left = new float[frames];
        float[] right = new float[frames];
        for (int i = 0; i < frames; i++) {
            double tone = Math.sin(2 * Math.PI * 440 * i / (double) rate);
            left[i] = (float) (0.6 * tone);
            right[i] = (float) (0.2 * tone);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WavWriter.of(WavWriter.Encoding.FLOAT_32).write(out, new float[][] {left, right}, rate);
        return out.toByteArray();
    }
}
