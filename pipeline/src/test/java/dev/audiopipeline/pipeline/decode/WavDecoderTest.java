package dev.audiopipeline.pipeline.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiopipeline.pipeline.corpus.WavWriter;
import dev.audiopipeline.pipeline.corpus.WavWriter.Encoding;
import dev.audiopipeline.pipeline.rejection.RejectionReason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WavDecoderTest {

    private static final int RATE = 16000;

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void decodesEveryEncodingToTheSamplesWrittenWithinOneQuantizationStep(Encoding encoding) throws IOException {
        float[][] stereo = {tone(440, 0.5f, 4000), tone(1000, 0.25f, 4000)};
        for (boolean extensible : new boolean[] {false, true}) {
            WavWriter writer = extensible ? WavWriter.of(encoding).extensible() : WavWriter.of(encoding);
            float[][] decoded = decodeAll(write(writer, stereo), 2);

            double step = stepOf(encoding);
            assertThat(decoded[0]).hasSize(4000);
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < 4000; i++) {
                    assertThat((double) decoded[c][i]).as("%s extensible=%s channel %d sample %d", encoding, extensible, c, i)
                            .isCloseTo(stereo[c][i], org.assertj.core.data.Offset.offset(step));
                }
            }
        }
    }

    @Test
    void reportsRateChannelsLengthAndEncodingFromTheHeader() throws IOException {
        byte[] wav = write(WavWriter.of(Encoding.PCM_24), new float[][] {tone(440, 0.5f, 12345)});
        try (AudioStream stream = WavDecoder.open(new ByteArrayInputStream(wav), "a.wav")) {
            assertThat(stream.info()).isEqualTo(new AudioStreamInfo(RATE, 1, 12345, "wav pcm_s24"));
        }
    }

    @Test
    void scalesIntegersAsLibsndfile() throws IOException {
        // int16 -32768 -> -1.0, 16384 -> 0.5; uint8 0 -> -1.0, 255 -> 127/128.
        byte[] pcm16 = wavBytes(1, 1, 16, new byte[] {0, (byte) 0x80, 0, 0x40});
        assertThat(decodeAll(pcm16, 1)[0]).containsExactly(-1.0f, 0.5f);
        byte[] pcm8 = wavBytes(1, 1, 8, new byte[] {0, (byte) 255});
        assertThat(decodeAll(pcm8, 1)[0]).containsExactly(-1.0f, 127f / 128f);
    }

    @Test
    void keepsToneFrequency() throws IOException {
        float[] samples = decodeAll(write(WavWriter.of(Encoding.PCM_16), new float[][] {tone(440, 0.8f, RATE)}), 1)[0];
        int upwardCrossings = 0;
        for (int i = 1; i < samples.length; i++) {
            if (samples[i - 1] < 0 && samples[i] >= 0) {
                upwardCrossings++;
            }
        }
        assertThat(upwardCrossings).isBetween(439, 441);
    }

    @Test
    void readsAcrossSmallReadBuffersIdentically() throws IOException {
        byte[] wav = write(WavWriter.of(Encoding.FLOAT_32), new float[][] {tone(300, 0.3f, 10007)});
        float[] whole = decodeAll(wav, 1)[0];
        try (AudioStream stream = WavDecoder.open(new ByteArrayInputStream(wav), "a.wav")) {
            float[] block = new float[7];
            float[] joined = new float[whole.length];
            int at = 0;
            int n;
            while ((n = stream.read(block, 7)) > 0) {
                System.arraycopy(block, 0, joined, at, n);
                at += n;
            }
            assertThat(at).isEqualTo(whole.length);
            assertThat(joined).containsExactly(whole);
        }
    }

    @Test
    void skipsUnknownChunksIncludingOddSizedOnes() throws IOException {
        byte[] plain = wavBytes(1, 1, 16, new byte[] {1, 0, 2, 0});
        ByteArrayOutputStream withList = new ByteArrayOutputStream();
        withList.write(plain, 0, 12);
        withList.write("LIST".getBytes(StandardCharsets.US_ASCII));
        withList.write(new byte[] {3, 0, 0, 0, 'a', 'b', 'c', 0}); // 3 bytes + pad byte
        withList.write(plain, 12, plain.length - 12);
        assertThat(decodeAll(withList.toByteArray(), 1)[0]).containsExactly(1 / 32768f, 2 / 32768f);
    }

    @Test
    void readsRf64WithItsDs64DataSize() throws IOException {
        byte[] data = {1, 0, 2, 0, 3, 0, 4, 0};
        ByteBuffer b = ByteBuffer.allocate(12 + 8 + 28 + 8 + 16 + 8 + data.length + 6).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RF64".getBytes(StandardCharsets.US_ASCII)).putInt(0xFFFFFFFF).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("ds64".getBytes(StandardCharsets.US_ASCII)).putInt(28)
                .putLong(b.capacity() - 8).putLong(data.length).putLong(data.length / 2).putInt(0);
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(RATE).putInt(RATE * 2).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(0xFFFFFFFF).put(data);
        b.put(new byte[] {9, 9, 9, 9, 9, 9}); // bytes after the declared data size are not audio

        try (AudioStream stream = WavDecoder.open(new ByteArrayInputStream(b.array()), "big.wav")) {
            assertThat(stream.info().frames()).isEqualTo(4);
        }
        assertThat(decodeAll(b.array(), 1)[0]).containsExactly(1 / 32768f, 2 / 32768f, 3 / 32768f, 4 / 32768f);
    }

    @Test
    void unknownDataSizeRunsToEndOfFile() throws IOException {
        byte[] wav = wavBytes(1, 1, 16, new byte[] {1, 0, 2, 0, 3, 0});
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 0xFFFFFFFF);
        assertThat(decodeAll(wav, 1)[0]).hasSize(3);
    }

    @Test
    void rejectsWithReasons() {
        assertReason(new byte[0], RejectionReason.EMPTY, "empty");
        assertReason("this is a text file renamed to .wav".getBytes(StandardCharsets.UTF_8),
                RejectionReason.UNSUPPORTED_FORMAT, "not a RIFF/WAVE file");
        assertReason(wavBytes(0, 1, 16, new byte[4]), RejectionReason.CORRUPT, "0 channels");
        assertReason(withFormatTag(wavBytes(1, 1, 16, new byte[4]), 0x55), RejectionReason.UNSUPPORTED_FORMAT,
                "format tag 0x55");
        assertReason(wavBytes(1, 1, 16, new byte[0]), RejectionReason.EMPTY, "no samples");
        byte[] zeroRate = wavBytes(1, 1, 16, new byte[4]);
        ByteBuffer.wrap(zeroRate).order(ByteOrder.LITTLE_ENDIAN).putInt(24, 0);
        assertReason(zeroRate, RejectionReason.CORRUPT, "sample rate 0 Hz");
        byte[] hugeFmt = wavBytes(1, 1, 16, new byte[4]);
        ByteBuffer.wrap(hugeFmt).order(ByteOrder.LITTLE_ENDIAN).putInt(16, 0x7FFFFFF0);
        assertReason(hugeFmt, RejectionReason.CORRUPT, "fmt chunk of");
        assertReason(Arrays.copyOf(wavBytes(1, 1, 16, new byte[4]), 30), RejectionReason.CORRUPT, "ends inside the header");
    }

    @Test
    void dataChunkClaimingMoreThanTheFileHoldsGivesWhatTheFileHas() throws IOException {
        byte[] wav = wavBytes(1, 1, 16, new byte[] {1, 0, 2, 0, 3});
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 0xFFFFFFF0); // ~4 GB claimed
        try (AudioStream stream = WavDecoder.open(new ByteArrayInputStream(wav), "x.wav")) {
            assertThat(stream.info().frames()).isEqualTo(0xFFFFFFF0L / 2);
        }
        // The product's rule for every format: a cut file gives the whole frames it holds, then ends.
        assertThat(decodeAll(wav, 1)[0]).containsExactly(1 / 32768f, 2 / 32768f);
    }

    @Test
    void aDataChunkWithoutAWholeFrameIsEmpty() {
        byte[] wav = wavBytes(1, 1, 16, new byte[] {1});
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 1000);
        assertReason(wav, RejectionReason.EMPTY, "no whole audio frame");
    }

    private static void assertReason(byte[] bytes, RejectionReason reason, String detail) {
        assertThatThrownBy(() -> decodeAll(bytes, 1))
                .isInstanceOfSatisfying(AudioDecodeException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContaining("x.wav")
                .hasMessageContaining(detail);
    }

    private static float[][] decodeAll(byte[] wav, int channels) throws IOException {
        try (AudioStream stream = WavDecoder.open(new ByteArrayInputStream(wav), "x.wav")) {
            assertThat(stream.info().channels()).isEqualTo(channels);
            float[] block = new float[1024 * channels];
            float[][] out = new float[channels][0];
            int n;
            while ((n = stream.read(block, 1024)) > 0) {
                for (int c = 0; c < channels; c++) {
                    int at = out[c].length;
                    out[c] = Arrays.copyOf(out[c], at + n);
                    for (int i = 0; i < n; i++) {
                        out[c][at + i] = block[i * channels + c];
                    }
                }
            }
            return out;
        }
    }

    private static byte[] write(WavWriter writer, float[][] channels) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(out, channels, RATE);
        return out.toByteArray();
    }

    /** A canonical 44-byte-header WAV with the given raw data bytes. */
    private static byte[] wavBytes(int channels, int rateDivisor, int bits, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data.length)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put("fmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16).putShort((short) 1).putShort((short) channels).putInt(RATE / rateDivisor)
                .putInt(RATE * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
        return b.array();
    }

    private static byte[] withFormatTag(byte[] wav, int tag) {
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putShort(20, (short) tag);
        return wav;
    }

    private static double stepOf(Encoding encoding) {
        return switch (encoding) {
            case PCM_U8 -> 1.0 / 128;
            case PCM_16 -> 1.0 / 32768;
            case PCM_24 -> 1.0 / 8388608;
            case PCM_32 -> 1e-7; // float32 output resolution near 0.5 dominates
            case FLOAT_32, FLOAT_64 -> 0.0;
        };
    }

    private static float[] tone(double hz, float amplitude, int frames) {
        float[] samples = new float[frames];
        for (int i = 0; i < frames; i++) {
            samples[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE));
        }
        return samples;
    }
}
