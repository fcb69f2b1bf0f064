package dev.audiopipeline.pipeline.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiopipeline.pipeline.rejection.RejectionReason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * WAV files whose codec the product's own reader does not decode go to FFmpeg: each is written here by FFmpeg's
 * WAV muxer and encoder from {@link TestTones#tones} (1.5 s) and decoded through {@link AudioDecoders}, and the
 * samples are checked against what the encoder was given, within the codec's precision.
 *
 * <p>This FFmpeg build has no GSM 6.10 (nor G.726) encoder; GSM is checked on hand-made blocks below.
 */
class WavOtherCodecsTest {

    /** A codec in a WAV container, its format tag and what FFmpeg reports for it. */
    enum Codec {
        MULAW_MONO_8000("pcm_mulaw", 0x7, 8000, 1, "pcm_mulaw (wav)"),
        MULAW_STEREO_22050("pcm_mulaw", 0x7, 22050, 2, "pcm_mulaw (wav)"),
        ALAW_MONO_8000("pcm_alaw", 0x6, 8000, 1, "pcm_alaw (wav)"),
        ALAW_STEREO_44100("pcm_alaw", 0x6, 44100, 2, "pcm_alaw (wav)"),
        MS_ADPCM_MONO_22050("adpcm_ms", 0x2, 22050, 1, "adpcm_ms"),
        MS_ADPCM_STEREO_44100("adpcm_ms", 0x2, 44100, 2, "adpcm_ms"),
        IMA_ADPCM_MONO_16000("adpcm_ima_wav", 0x11, 16000, 1, "adpcm_ima_wav"),
        IMA_ADPCM_STEREO_44100("adpcm_ima_wav", 0x11, 44100, 2, "adpcm_ima_wav"),
        YAMAHA_ADPCM_MONO_22050("adpcm_yamaha", 0x20, 22050, 1, "adpcm_yamaha"),
        G723_1_MONO_8000("g723_1", 0x42, 8000, 1, "g723_1"),
        MP3_STEREO_44100("libmp3lame", 0x55, 44100, 2, "mp3");

        private static final Map<Codec, byte[]> ENCODED = new ConcurrentHashMap<>();

        final String encoder;
        final int formatTag;
        final int sampleRate;
        final int channels;
        final String encoding;

        Codec(String encoder, int formatTag, int sampleRate, int channels, String encoding) {
            this.encoder = encoder;
            this.formatTag = formatTag;
            this.sampleRate = sampleRate;
            this.channels = channels;
            this.encoding = encoding;
        }

        int frames() {
            return (int) Math.round(1.5 * sampleRate);
        }

        short[][] pcm() {
            return TestTones.tones(sampleRate, channels, frames());
        }

        byte[] wav() {
            return ENCODED.computeIfAbsent(this, codec -> {
                try {
                    return FfmpegTestEncoder.encode("wav", encoder, 0, null, sampleRate, pcm());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void goesToFfmpegWithItsRateChannelsAndCodec(Codec codec) throws IOException {
        byte[] wav = codec.wav();
        assertThat(ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).getShort(20) & 0xFFFF)
                .as("the muxer's format tag").isEqualTo(codec.formatTag);
        assertThatThrownBy(() -> WavDecoder.open(new ByteArrayInputStream(wav), "x.wav"))
                .isInstanceOfSatisfying(AudioDecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.UNSUPPORTED_FORMAT))
                .hasMessageContaining("format tag 0x" + Integer.toHexString(codec.formatTag));
        try (AudioStream stream = AudioDecoders.open(new ByteArraySource(wav), "x.wav")) {
            assertThat(stream.info().sampleRate()).isEqualTo(codec.sampleRate);
            assertThat(stream.info().channels()).isEqualTo(codec.channels);
            assertThat(stream.info().encoding()).isEqualTo(codec.encoding);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Codec.class, names = {"MULAW_.*", "ALAW_.*"}, mode = EnumSource.Mode.MATCH_ANY)
    void g711DecodesEverySampleWithinHalfAQuantizationStep(Codec codec) throws IOException {
        // G.711 is 8-bit logarithmic: in segment s the step is 2^(s+1) (mu-law, 14-bit scale) or 2^s (A-law,
        // 13-bit), at most 1/16 of the segment's smallest magnitude, and the decoder returns an interval's middle:
        // |error| <= |x| / 32, plus the smallest step (16/32768) near zero, where FFmpeg's A-law table, built on
        // a 14-bit grid, is off by up to 11/32768.
        float[][] decoded = decode(codec);
        short[][] pcm = codec.pcm();
        assertThat(decoded[0]).hasSize(codec.frames());
        for (int c = 0; c < codec.channels; c++) {
            for (int i = 0; i < codec.frames(); i++) {
                double given = pcm[c][i] / 32768.0;
                assertThat(Math.abs(decoded[c][i] - given)).as("%s channel %d sample %d", codec, c, i)
                        .isLessThanOrEqualTo(Math.abs(given) / 32 + 16 / 32768.0);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Codec.class, names = ".*_ADPCM_.*", mode = EnumSource.Mode.MATCH_ANY)
    void adpcmKeepsTheSignalAlignedWithin28DbOfNoise(Codec codec) throws IOException {
        // 4-bit ADPCM on these tones: 30.3-39.4 dB SNR measured (IMA mono 16 kHz the lowest). The encoder pads the
        // last block with silence: up to one block (at most 2048 frames here) more than was given.
        float[][] decoded = decode(codec);
        short[][] pcm = codec.pcm();
        assertThat(decoded[0].length).isBetween(codec.frames(), codec.frames() + 2048);
        for (int c = 0; c < codec.channels; c++) {
            double signal = 0;
            double noise = 0;
            for (int i = 0; i < codec.frames(); i++) {
                double given = pcm[c][i] / 32768.0;
                signal += given * given;
                noise += (decoded[c][i] - given) * (decoded[c][i] - given);
            }
            assertThat(10 * Math.log10(signal / noise)).as("%s channel %d SNR", codec, c).isGreaterThan(28);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Codec.class, names = {"G723_1_MONO_8000", "MP3_STEREO_44100"})
    void lossyCodecsKeepEachChannelsTone(Codec codec) throws IOException {
        // Speech and perceptual codecs delay and reshape the waveform (the WAV muxer keeps MP3's encoder delay):
        // checked by spectrum, as the other lossy formats are.
        float[][] decoded = decode(codec);
        assertThat(decoded[0].length).isBetween(codec.frames(), codec.frames() + 2 * 1152);
        double[] tones = codec.channels == 1 ? new double[] {TestTones.LOW_HZ} : new double[] {TestTones.LOW_HZ, TestTones.HIGH_HZ};
        for (int c = 0; c < tones.length; c++) {
            double at = TestTones.power(decoded[c], codec.sampleRate, tones[c]);
            for (double other : new double[] {tones[c] * 0.8, tones[c] * 1.25, 700}) {
                assertThat(at).as("%s channel %d: %s Hz against %s Hz", codec, c, tones[c], other)
                        .isGreaterThan(100 * TestTones.power(decoded[c], codec.sampleRate, other));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void decodesTheSameFromAnInputStream(Codec codec) throws IOException {
        try (AudioStream stream = AudioDecoders.open(new ByteArrayInputStream(codec.wav()), "x.wav")) {
            assertThat(TestTones.decodeAll(stream)).isDeepEqualTo(decode(codec));
        }
    }

    @Test
    void aHeaderTooLongToReplayFromAStreamIsReadFromASeekableSource() throws IOException {
        // A 2 MiB chunk (say, cover art) before fmt: a plain stream cannot go back that far for FFmpeg.
        byte[] wav = withChunkBeforeFmt(Codec.MULAW_MONO_8000.wav(), "LIST", 2 << 20);
        try (AudioStream stream = AudioDecoders.open(new ByteArraySource(wav), "art.wav")) {
            assertThat(TestTones.decodeAll(stream)).isDeepEqualTo(decode(Codec.MULAW_MONO_8000));
        }
        assertThatThrownBy(() -> AudioDecoders.open(new ByteArrayInputStream(wav), "art.wav"))
                .isInstanceOfSatisfying(AudioDecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.UNSUPPORTED_FORMAT))
                .hasMessageContaining("art.wav").hasMessageContaining("format tag 0x7")
                .hasMessageContaining("seekable source");
        // A shorter header is replayed from the stream.
        byte[] small = withChunkBeforeFmt(Codec.MULAW_MONO_8000.wav(), "LIST", 100_000);
        try (AudioStream stream = AudioDecoders.open(new ByteArrayInputStream(small), "art.wav")) {
            assertThat(TestTones.decodeAll(stream)).isDeepEqualTo(decode(Codec.MULAW_MONO_8000));
        }
    }

    @Test
    void aCodecNeitherDecoderKnowsIsUnsupportedNamingItsTag() {
        byte[] wav = Codec.MULAW_MONO_8000.wav().clone();
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putShort(20, (short) 0x1234);
        for (boolean seekable : new boolean[] {true, false}) {
            assertThatThrownBy(() -> {
                try (AudioStream stream = seekable ? AudioDecoders.open(new ByteArraySource(wav), "odd.wav")
                        : AudioDecoders.open(new ByteArrayInputStream(wav), "odd.wav")) {
                    TestTones.decodeAll(stream);
                }
            }).isInstanceOfSatisfying(AudioDecodeException.class,
                            e -> assertThat(e.reason()).isEqualTo(RejectionReason.UNSUPPORTED_FORMAT))
                    .hasMessageContaining("odd.wav: WAV format tag 0x1234")
                    .hasMessageContaining("neither by the WAV reader nor by FFmpeg");
        }
    }

    @Test
    void gsm610BlocksDecodeTo320FramesEach() throws IOException {
        // No GSM encoder in this build: ten hand-made 65-byte blocks (two GSM frames each; every bit pattern is a
        // valid parameter set) in a WAVE_FORMAT_GSM610 header. libsndfile reads the same file as 3200 frames.
        int blocks = 10;
        byte[] data = new byte[65 * blocks];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 37 + 11);
        }
        ByteBuffer fmt = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0x31)
                .putShort((short) 1).putInt(8000).putInt(1625).putShort((short) 65).putShort((short) 0)
                .putShort((short) 2).putShort((short) 320);
        byte[] wav = riff(chunk("fmt ", fmt.array()), chunk("data", data));
        for (boolean seekable : new boolean[] {true, false}) {
            try (AudioStream stream = seekable ? AudioDecoders.open(new ByteArraySource(wav), "gsm.wav")
                    : AudioDecoders.open(new ByteArrayInputStream(wav), "gsm.wav")) {
                assertThat(stream.info().encoding()).isEqualTo("gsm_ms");
                assertThat(stream.info().sampleRate()).isEqualTo(8000);
                float[] decoded = TestTones.decodeAll(stream)[0];
                assertThat(decoded).hasSize(320 * blocks);
                double energy = 0;
                for (float sample : decoded) {
                    assertThat(sample).isBetween(-1f, 1f);
                    energy += sample * sample;
                }
                assertThat(energy).isGreaterThan(1);
            }
        }
    }

    private static float[][] decode(Codec codec) throws IOException {
        try (AudioStream stream = AudioDecoders.open(new ByteArraySource(codec.wav()), "x.wav")) {
            return TestTones.decodeAll(stream);
        }
    }

    /** {@code wav} (canonical: fmt at byte 12) with a zero-filled chunk of {@code size} bytes inserted before fmt. */
    private static byte[] withChunkBeforeFmt(byte[] wav, String id, int size) {
        byte[] rest = java.util.Arrays.copyOfRange(wav, 12, wav.length);
        return riff(chunk(id, new byte[size]), rest);
    }

    private static byte[] chunk(String id, byte[] body) {
        return ByteBuffer.allocate(8 + body.length).order(ByteOrder.LITTLE_ENDIAN)
                .put(id.getBytes(StandardCharsets.US_ASCII)).putInt(body.length).put(body).array();
    }

    private static byte[] riff(byte[]... chunks) {
        int size = 4;
        for (byte[] chunk : chunks) {
            size += chunk.length;
        }
        ByteBuffer out = ByteBuffer.allocate(8 + size).order(ByteOrder.LITTLE_ENDIAN)
                .put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(size)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII));
        for (byte[] chunk : chunks) {
            out.put(chunk);
        }
        return out.array();
    }
}
