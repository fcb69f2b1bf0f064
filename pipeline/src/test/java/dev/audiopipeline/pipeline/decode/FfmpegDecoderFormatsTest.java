package dev.audiopipeline.pipeline.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.audiopipeline.pipeline.rejection.RejectionReason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FfmpegDecoderFormatsTest {

    @ParameterizedTest
    @EnumSource(Fixture.class)
    void reportsSourceRateChannelsAndEncoding(Fixture fixture) throws IOException {
        try (AudioStream stream = AudioDecoders.open(new ByteArraySource(fixture.bytes()), fixture.fileName())) {
            assertThat(stream.info().sampleRate()).isEqualTo(fixture.sampleRate);
            assertThat(stream.info().channels()).isEqualTo(fixture.channels);
            assertThat(stream.info().encoding()).isEqualTo(fixture.encoding);
            // The container's duration, which for lossy codecs may include the encoder's priming and padding.
            assertThat(stream.info().frames()).isBetween((long) fixture.frames(), fixture.frames() + 2400L);
        }
    }

    @ParameterizedTest
    @EnumSource(Fixture.class)
    void decodesTheEncodedLengthWithinTheCodecsPadding(Fixture fixture) throws IOException {
        float[][] decoded = decode(fixture);
        assertThat(decoded[0].length).isCloseTo(fixture.frames(), within(fixture.lengthTolerance));
    }

    @ParameterizedTest
    @EnumSource(Fixture.class)
    void keepsEachChannelsToneAtItsFrequency(Fixture fixture) throws IOException {
        float[][] decoded = decode(fixture);
        int rate = fixture.sampleRate;
        double[] expected = fixture.channels == 1 ? new double[] {TestTones.LOW_HZ} : new double[] {TestTones.LOW_HZ, TestTones.HIGH_HZ};
        for (int c = 0; c < expected.length; c++) {
            double hz = expected[c];
            double at = TestTones.power(decoded[c], rate, hz);
            for (double other : new double[] {hz * 0.8, hz * 1.25, c == 0 && fixture.channels == 2 ? TestTones.HIGH_HZ : 700}) {
                assertThat(at).as("%s channel %d: %s Hz against %s Hz", fixture, c, hz, other)
                        .isGreaterThan(100 * TestTones.power(decoded[c], rate, other));
            }
        }
        if (fixture.channels == 2) {
            assertThat(TestTones.power(decoded[1], rate, TestTones.LOW_HZ))
                    .as("channel order").isLessThan(TestTones.power(decoded[0], rate, TestTones.LOW_HZ) / 100);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Fixture.class, names = {"FLAC_.*", "AIFF_.*", "AU_.*"}, mode = EnumSource.Mode.MATCH_ANY)
    void losslessFormatsDecodeSampleExact(Fixture fixture) throws IOException {
        assertThat(fixture.lossless).isTrue();
        float[][] decoded = decode(fixture);
        short[][] pcm = fixture.pcm();
        for (int c = 0; c < fixture.channels; c++) {
            float[] expected = new float[pcm[c].length];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = pcm[c][i] / 32768f;
            }
            assertThat(decoded[c]).as("%s channel %d", fixture, c).containsExactly(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Fixture.class, names = "(AAC_M4A_(STEREO|MONO)|MP3)_.*", mode = EnumSource.Mode.MATCH_NONE)
    void decodesTheSameFromAnInputStream(Fixture fixture) throws IOException {
        assertThat(decodeStream(fixture.bytes(), fixture.fileName())).isDeepEqualTo(decode(fixture));
    }

    @ParameterizedTest
    @EnumSource(value = Fixture.class, names = "MP3_.*", mode = EnumSource.Mode.MATCH_ANY)
    void mp3FromAnInputStreamKeepsItsEndPadding(Fixture fixture) throws IOException {
        // Without the file size FFmpeg cannot apply the LAME header's end padding; the priming is still trimmed.
        float[][] fromSource = decode(fixture);
        float[][] fromStream = decodeStream(fixture.bytes(), fixture.fileName());
        assertThat(fromStream[0].length).isBetween(fromSource[0].length, fromSource[0].length + 2 * 1152);
        for (int c = 0; c < fixture.channels; c++) {
            assertThat(java.util.Arrays.copyOf(fromStream[c], fromSource[c].length)).containsExactly(fromSource[c]);
        }
    }

    @Test
    void mp4WithMoovAtTheEndDecodesFromASeekableSourceOnly() throws IOException {
        // Longer than the 64 KiB AVIO buffer, so that going back to the audio after the moov atom is a real seek.
        int rate = 22050;
        byte[] m4a = FfmpegTestEncoder.encode("ipod", "aac", 128_000, null, rate, TestTones.tones(rate, 1, 20 * rate));
        assertThat(m4a.length).isGreaterThan(2 * 65536);

        try (AudioStream stream = AudioDecoders.open(new ByteArraySource(m4a), "late-moov.m4a")) {
            float[][] decoded = TestTones.decodeAll(stream);
            assertThat(decoded[0].length).isCloseTo(20 * rate, within(1024));
            assertThat(TestTones.power(decoded[0], rate, TestTones.LOW_HZ))
                    .isGreaterThan(100 * TestTones.power(decoded[0], rate, 700));
        }
        assertThatThrownBy(() -> decodeStream(m4a, "late-moov.m4a"))
                .isInstanceOfSatisfying(AudioDecodeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RejectionReason.UNSUPPORTED_FORMAT);
                    assertThat(e.detail()).contains("late-moov.m4a").contains("seekable");
                });
    }

    @Test
    void readsInBlocksOfAnySize() throws IOException {
        Fixture fixture = Fixture.MP3_STEREO_44100;
        float[][] whole = decode(fixture);
        try (AudioStream stream = AudioDecoders.open(new ByteArraySource(fixture.bytes()), fixture.fileName())) {
            float[] buffer = new float[7 * 2];
            int total = 0;
            int n;
            while ((n = stream.read(buffer, 7)) > 0) {
                assertThat(n).isLessThanOrEqualTo(7);
                for (int i = 0; i < n; i++) {
                    assertThat(buffer[2 * i]).isEqualTo(whole[0][total + i]);
                    assertThat(buffer[2 * i + 1]).isEqualTo(whole[1][total + i]);
                }
                total += n;
            }
            assertThat(total).isEqualTo(whole[0].length);
            assertThat(stream.read(buffer, 7)).isEqualTo(-1);
        }
    }

    private static float[][] decodeStream(byte[] bytes, String name) throws IOException {
        try (AudioStream stream = AudioDecoders.open(new ByteArrayInputStream(bytes), name)) {
            return TestTones.decodeAll(stream);
        }
    }

    static float[][] decode(Fixture fixture) throws IOException {
        try (AudioStream stream = AudioDecoders.open(new ByteArraySource(fixture.bytes()), fixture.fileName())) {
            return TestTones.decodeAll(stream);
        }
    }
}
