package dev.audiopipeline.pipeline.decode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The encoded test files: a 1.5 s tone ({@link TestTones#tones}) in each format, written on first use by
 * {@link FfmpegTestEncoder} and kept for the test JVM.
 *
 * <p>{@code lengthTolerance} is how far the decoded length may be from the encoded one, per codec: lossless and
 * PCM formats are exact; MP3 (LAME's gapless header) and Opus (pre-skip and end granule) carry their priming and
 * padding, which FFmpeg trims, so they come back exact too; FFmpeg's native Vorbis encoder ends on a whole block
 * (up to 64 extra frames seen: 26 at 44.1 kHz); AAC in MP4 has its 1024-frame priming trimmed by the edit list
 * but its end padded to a whole 1024-frame AAC frame, which FFmpeg 5.0's muxer does not mark.
 */
enum Fixture {
    FLAC_MONO_22050("flac", "flac", 0, null, 22050, 1, "flac", true, 0),
    FLAC_STEREO_44100("flac", "flac", 0, null, 44100, 2, "flac", true, 0),
    MP3_MONO_22050("mp3", "libmp3lame", 64_000, null, 22050, 1, "mp3", false, 0),
    MP3_STEREO_44100("mp3", "libmp3lame", 192_000, null, 44100, 2, "mp3", false, 0),
    VORBIS_STEREO_44100("ogg", "vorbis", 0, null, 44100, 2, "vorbis", false, 64),
    VORBIS_STEREO_22050("ogg", "vorbis", 0, null, 22050, 2, "vorbis", false, 64),
    OPUS_MONO_48000("ogg", "libopus", 64_000, null, 48000, 1, "opus", false, 0),
    OPUS_STEREO_48000("ogg", "libopus", 128_000, null, 48000, 2, "opus", false, 0),
    AAC_M4A_STEREO_44100("ipod", "aac", 128_000, null, 44100, 2, "aac", false, 1024),
    AAC_M4A_MONO_48000("ipod", "aac", 96_000, null, 48000, 1, "aac", false, 1024),
    AAC_M4A_FASTSTART_STEREO_48000("ipod", "aac", 128_000, "+faststart", 48000, 2, "aac", false, 1024),
    AIFF_MONO_22050("aiff", "pcm_s16be", 0, null, 22050, 1, "pcm_s16be (aiff)", true, 0),
    AIFF_STEREO_44100("aiff", "pcm_s16be", 0, null, 44100, 2, "pcm_s16be (aiff)", true, 0),
    AU_MONO_22050("au", "pcm_s16be", 0, null, 22050, 1, "pcm_s16be (au)", true, 0),
    AU_STEREO_48000("au", "pcm_s16be", 0, null, 48000, 2, "pcm_s16be (au)", true, 0);

    static final double SECONDS = 1.5;

    private static final Map<Fixture, byte[]> ENCODED = new ConcurrentHashMap<>();

    final String muxer;
    final String codec;
    final int bitRate;
    final String movFlags;
    final int sampleRate;
    final int channels;
    final String encoding;
    final boolean lossless;
    final int lengthTolerance;

    Fixture(String muxer, String codec, int bitRate, String movFlags, int sampleRate, int channels, String encoding,
            boolean lossless, int lengthTolerance) {
        this.muxer = muxer;
        this.codec = codec;
        this.bitRate = bitRate;
        this.movFlags = movFlags;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.encoding = encoding;
        this.lossless = lossless;
        this.lengthTolerance = lengthTolerance;
    }

    int frames() {
        return (int) Math.round(SECONDS * sampleRate);
    }

    short[][] pcm() {
        return TestTones.tones(sampleRate, channels, frames());
    }

    /** A file name with the usual extension, for error details. */
    String fileName() {
        String extension = switch (muxer) {
            case "ipod" -> "m4a";
            case "ogg" -> codec.contains("opus") ? "opus" : "ogg";
            default -> muxer;
        };
        return name().toLowerCase() + "." + extension;
    }

    /** The encoded file (a shared array: do not modify). */
    byte[] bytes() {
        return ENCODED.computeIfAbsent(this, fixture -> {
            try {
                return FfmpegTestEncoder.encode(muxer, codec, bitRate, movFlags, sampleRate, pcm());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
