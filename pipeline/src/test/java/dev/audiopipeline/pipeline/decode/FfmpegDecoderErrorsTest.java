package dev.audiopipeline.pipeline.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiopipeline.pipeline.rejection.RejectionReason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class FfmpegDecoderErrorsTest {

    @Test
    void textRenamedMp3IsUnsupported() {
        byte[] text = "This is not audio, just a text file someone renamed to .mp3.\n".repeat(40)
                .getBytes(StandardCharsets.UTF_8);
        assertFails(() -> decodeSource(text, "notes.mp3"), RejectionReason.UNSUPPORTED_FORMAT, "notes.mp3");
        assertFails(() -> decodeStream(text, "notes.mp3"), RejectionReason.UNSUPPORTED_FORMAT, "notes.mp3");
    }

    @Test
    void zeroBytesAreEmpty() {
        assertFails(() -> decodeSource(new byte[0], "empty.flac"), RejectionReason.EMPTY, "empty.flac");
        assertFails(() -> decodeStream(new byte[0], "empty.flac"), RejectionReason.EMPTY, "empty.flac");
        assertFails(() -> FfmpegDecoder.open(new ByteArraySource(new byte[0]), "empty.ogg").close(),
                RejectionReason.EMPTY, "empty.ogg");
        assertFails(() -> FfmpegDecoder.open(new ByteArrayInputStream(new byte[0]), "empty.ogg").close(),
                RejectionReason.EMPTY, "empty.ogg");
    }

    @Test
    void containerWithoutAudioIsUnsupported() {
        // WebVTT: a format FFmpeg's demuxers recognise that holds only a subtitle stream.
        byte[] subtitles = "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nhello\n\n00:00:01.000 --> 00:00:02.000\nworld\n"
                .getBytes(StandardCharsets.UTF_8);
        assertFails(() -> decodeSource(subtitles, "captions.m4a"), RejectionReason.UNSUPPORTED_FORMAT, "no audio stream");
    }

    /**
     * The documented policy: what decodes before the cut is delivered, then the stream ends normally. 6-second
     * files, so that half an Ogg file holds complete pages (FFmpeg's muxer writes about a second per page).
     */
    @ParameterizedTest
    @CsvSource({"mp3, libmp3lame, 44100", "flac, flac, 44100", "ogg, vorbis, 44100", "ogg, libopus, 48000",
            "au, pcm_s16be, 22050"})
    void truncatedAtHalfDeliversTheAudioBeforeTheCutAndEnds(String muxer, String codec, int rate) throws IOException {
        byte[] whole = FfmpegTestEncoder.encode(muxer, codec, 0, null, rate, TestTones.tones(rate, 2, 6 * rate));
        byte[] half = Arrays.copyOf(whole, whole.length / 2);
        float[][] full = decodeSource(whole, "whole." + muxer);
        float[][] cut = decodeSource(half, "half." + muxer);

        // Ogg loses its last partial page (up to about a second); the others lose at most a frame.
        assertThat(cut[0].length).isBetween((int) (0.30 * full[0].length), (int) (0.55 * full[0].length));
        // The audio before the cut is the same audio (the last frame before the cut may differ).
        int compare = cut[0].length - 4096;
        for (int c = 0; c < 2; c++) {
            assertThat(Arrays.copyOf(cut[c], compare)).containsExactly(Arrays.copyOf(full[c], compare));
        }
    }

    @Test
    void oggCutBeforeItsFirstAudioPageIsTruncated() {
        byte[] ogg = Fixture.VORBIS_STEREO_44100.bytes();
        assertFails(() -> decodeSource(Arrays.copyOf(ogg, ogg.length / 2), "cut.ogg"), RejectionReason.TRUNCATED,
                "cut.ogg");
    }

    @ParameterizedTest
    @EnumSource(value = Fixture.class, names = {"MP3_STEREO_44100", "FLAC_STEREO_44100", "VORBIS_STEREO_44100",
            "OPUS_MONO_48000", "AAC_M4A_FASTSTART_STEREO_48000", "AIFF_MONO_22050", "AU_MONO_22050"})
    void randomBytesAfterAValidHeaderDecodeOrFailWithAReason(Fixture fixture) throws IOException {
        byte[] bytes = fixture.bytes().clone();
        int keep = headerLength(fixture, bytes);
        byte[] noise = new byte[bytes.length - keep];
        new Random(42).nextBytes(noise);
        System.arraycopy(noise, 0, bytes, keep, noise.length);
        try {
            float[][] decoded = decodeSource(bytes, fixture.fileName());
            assertThat(decoded).hasNumberOfRows(fixture.channels);
        } catch (AudioDecodeException e) {
            assertThat(e.reason()).isIn(RejectionReason.CORRUPT, RejectionReason.EMPTY, RejectionReason.TRUNCATED,
                    RejectionReason.UNSUPPORTED_FORMAT);
            assertThat(e.detail()).contains(fixture.fileName());
        }
    }

    @Test
    void aacWhosePacketsAreAllNoiseIsCorrupt() {
        Fixture fixture = Fixture.AAC_M4A_FASTSTART_STEREO_48000;
        byte[] bytes = fixture.bytes().clone();
        int payload = headerLength(fixture, bytes);
        byte[] noise = new byte[bytes.length - payload];
        new Random(7).nextBytes(noise);
        System.arraycopy(noise, 0, bytes, payload, noise.length);
        assertFails(() -> decodeSource(bytes, "noise.m4a"), RejectionReason.CORRUPT, "packets failed to decode");
    }

    @Test
    void aFewDamagedPacketsAreSkipped() throws IOException {
        Fixture fixture = Fixture.MP3_STEREO_44100;
        byte[] bytes = fixture.bytes().clone();
        Random random = new Random(3);
        for (int at = bytes.length / 4; at < bytes.length / 4 + 600; at++) {
            bytes[at] = (byte) random.nextInt();
        }
        float[][] decoded = decodeSource(bytes, fixture.fileName());
        assertThat(decoded[0].length).isGreaterThan(fixture.frames() * 9 / 10);
    }

    @Test
    void sourceFailingOnReadIsUnreadable() {
        byte[] flac = Fixture.FLAC_STEREO_44100.bytes();
        for (int failAfter : new int[] {0, 100, 20_000}) {
            assertThatThrownBy(() -> {
                try (AudioStream stream = AudioDecoders.open(new FailingSource(flac, failAfter), "hdfs://x/a.flac")) {
                    TestTones.decodeAll(stream);
                }
            }).as("failing after %d bytes", failAfter).isInstanceOfSatisfying(AudioDecodeException.class, e -> {
                assertThat(e.reason()).isEqualTo(RejectionReason.UNREADABLE);
                assertThat(e.detail()).contains("hdfs://x/a.flac").contains("connection reset");
                assertThat(e.getCause()).isInstanceOf(IOException.class);
            });
        }
    }

    /** Where the audio payload starts: after the moov of a fast-start M4A, else after the first 1 KiB. */
    private static int headerLength(Fixture fixture, byte[] bytes) {
        if (fixture.movFlags == null) {
            return Math.min(1024, bytes.length / 4);
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        return text.indexOf("mdat") + 4;
    }

    private static void assertFails(ThrowingCallable call, RejectionReason reason, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AudioDecodeException.class, e -> {
            assertThat(e.reason()).as(e.toString()).isEqualTo(reason);
            assertThat(e.detail()).contains(detail);
        });
    }

    private static float[][] decodeSource(byte[] bytes, String name) throws IOException {
        try (AudioStream stream = AudioDecoders.open(new ByteArraySource(bytes), name)) {
            return TestTones.decodeAll(stream);
        }
    }

    private static float[][] decodeStream(byte[] bytes, String name) throws IOException {
        try (AudioStream stream = AudioDecoders.open(new ByteArrayInputStream(bytes), name)) {
            return TestTones.decodeAll(stream);
        }
    }

    /** Serves the first {@code failAfter} bytes, then throws as a dropped remote connection would. */
    private static final class FailingSource implements SeekableSource {
        private final ByteArraySource bytes;
        private final int failAfter;

        FailingSource(byte[] bytes, int failAfter) {
            this.bytes = new ByteArraySource(bytes);
            this.failAfter = failAfter;
        }

        @Override
        public long length() {
            return bytes.length();
        }

        @Override
        public int read(long position, byte[] buffer, int offset, int length) throws IOException {
            if (position + length > failAfter) {
                throw new IOException("connection reset");
            }
            return bytes.read(position, buffer, offset, length);
        }

        @Override
        public void close() {
            bytes.close();
        }
    }
}
