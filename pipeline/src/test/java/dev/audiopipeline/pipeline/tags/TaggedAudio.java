package dev.audiopipeline.pipeline.tags;

import dev.audiopipeline.pipeline.decode.FfmpegTestEncoder;
import dev.audiopipeline.pipeline.decode.TestTones;
import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.tag.Tag;

/**
 * Tagged test files, written in the test (nothing binary is committed): encoded and tagged by FFmpeg's muxers
 * ({@link FfmpegTestEncoder}), or encoded by FFmpeg and tagged afterwards by jaudiotagger where FFmpeg cannot
 * write the form wanted (ID3v2.4 multi-value frames, the numeric MP4 {@code gnre} atom).
 */
final class TaggedAudio {

    static final int RATE = 44100;
    static final double SECONDS = 1.5;

    private TaggedAudio() {}

    /** FFmpeg's encoder and muxer with tags on the container. */
    static byte[] encode(String muxer, String codec, Map<String, String> options, Map<String, List<String>> tags)
            throws IOException {
        return encode(muxer, codec, options, tags, SECONDS);
    }

    /** The same, {@code seconds} long. */
    static byte[] encode(String muxer, String codec, Map<String, String> options, Map<String, List<String>> tags,
            double seconds) throws IOException {
        return FfmpegTestEncoder.encode(muxer, codec, bitRate(codec), options, tags, Map.of(), rate(codec),
                pcm(codec, seconds));
    }

    /** FFmpeg's encoder and muxer with tags on the audio stream (where the Ogg muxer takes them from). */
    static byte[] encodeStreamTags(String muxer, String codec, Map<String, List<String>> tags) throws IOException {
        return encodeStreamTags(muxer, codec, tags, SECONDS);
    }

    /** The same, {@code seconds} long. */
    static byte[] encodeStreamTags(String muxer, String codec, Map<String, List<String>> tags, double seconds)
            throws IOException {
        return FfmpegTestEncoder.encode(muxer, codec, bitRate(codec), Map.of(), Map.of(), tags, rate(codec),
                pcm(codec, seconds));
    }

    /** Untagged audio, then tagged by jaudiotagger through {@code tagging} on a scratch copy. */
    static byte[] tagWithJaudiotagger(byte[] untagged, String extension, Tagging tagging) throws Exception {
        Path file = Files.createTempFile(TestScratch.root(), "jaudiotagger-", "." + extension);
        try {
            Files.write(file, untagged);
            AudioFile audio = AudioFileIO.read(file.toFile());
            tagging.apply(audio);
            audio.commit();
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** What a test does to a file's tag before it is written back. */
    interface Tagging {
        void apply(AudioFile file) throws Exception;
    }

    /** Sets {@code tag} as the file's tag (for formats with one tag type). */
    static Tagging set(Tag tag, Tagging fill) {
        return file -> {
            file.setTag(tag);
            fill.apply(file);
        };
    }

    private static int bitRate(String codec) {
        return switch (codec) {
            case "libmp3lame", "aac" -> 128_000;
            case "libopus" -> 64_000;
            default -> 0;
        };
    }

    private static int rate(String codec) {
        return codec.equals("libopus") ? 48000 : RATE;
    }

    private static short[][] pcm(String codec, double seconds) {
        int rate = rate(codec);
        return TestTones.tones(rate, 2, (int) Math.round(seconds * rate));
    }
}
