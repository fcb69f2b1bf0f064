package dev.audiopipeline.pipeline.tags;

import static dev.audiopipeline.pipeline.tags.TaggedAudio.encode;
import static dev.audiopipeline.pipeline.tags.TaggedAudio.encodeStreamTags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiopipeline.pipeline.decode.AudioDecoders;
import dev.audiopipeline.pipeline.decode.AudioStream;
import dev.audiopipeline.pipeline.decode.ByteArraySource;
import dev.audiopipeline.pipeline.decode.MediaMetadata;
import dev.audiopipeline.pipeline.decode.TestTones;
import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Genres from the metadata FFmpeg reads while opening a file for decoding, and the fallback to it. */
class FfmpegTagsTest {

    private final TagReader reader = new TagReader(TestScratch.newDirectory("ffmpeg-tags"),
            TagReader.DEFAULT_MAX_TAG_BYTES);

    @Test
    void opusCommentsComeFromTheStreamDictionary() throws IOException {
        byte[] opus = encodeStreamTags("ogg", "libopus", Map.of("genre", List.of("Hip Hop")));

        try (AudioStream stream = AudioDecoders.open(new ByteArraySource(opus), "a.opus")) {
            MediaMetadata metadata = stream.metadata();

            assertThat(metadata.container()).isEqualTo("ogg");
            assertThat(metadata.containerEntries()).extracting(MediaMetadata.Entry::key).doesNotContain("genre", "GENRE");
            assertThat(metadata.values("genre")).containsExactly("Hip Hop");
            ExistingTags tags = FfmpegTags.of(metadata);
            assertThat(tags.source()).isEqualTo(TagSource.VORBIS);
            assertThat(tags.genres()).containsExactly(new GenreTag("Hip Hop", "Hip Hop"));
        }
    }

    /** What the score job does per file: jaudiotagger first, FFmpeg's metadata of the open decoder second. */
    @Test
    void fallsBackToFfmpegOnlyWhereJaudiotaggerFindsNothing() throws IOException {
        byte[] opus = encodeStreamTags("ogg", "libopus", Map.of("genre", List.of("Jazz")));
        byte[] m4a = encode("ipod", "aac", Map.of(), Map.of("genre", List.of("Reggae")));

        ExistingTags opusTags = readLikeTheScoreJob(opus, "a.opus");
        ExistingTags m4aTags = readLikeTheScoreJob(m4a, "a.m4a");

        assertThat(opusTags.source()).isEqualTo(TagSource.VORBIS);
        assertThat(opusTags.names()).containsExactly("Jazz");
        assertThat(m4aTags.source()).isEqualTo(TagSource.MP4);
        assertThat(m4aTags.names()).containsExactly("Reggae");
    }

    @Test
    void id3NumbersAreNamesInFfmpegsMetadataAndMp3IsNotToldApart() throws IOException {
        byte[] mp3 = encode("mp3", "libmp3lame", Map.of("id3v2_version", "3"), Map.of("genre", List.of("(17)")));

        try (AudioStream stream = AudioDecoders.open(new ByteArraySource(mp3), "a.mp3")) {
            ExistingTags tags = FfmpegTags.of(stream.metadata());

            assertThat(tags.source()).isEqualTo(TagSource.FFMPEG);
            assertThat(tags.names()).containsExactly("Rock");
        }
    }

    @Test
    void wmaGenreComesThroughFfmpegAsAsf() throws IOException {
        byte[] wma = encode("asf", "wmav2", Map.of(), Map.of("genre", List.of("Classical")));

        ExistingTags tags = readLikeTheScoreJob(wma, "a.wma");

        assertThat(tags.source()).isEqualTo(TagSource.ASF);
        assertThat(tags.names()).containsExactly("Classical");
    }

    @Test
    void untaggedAndNonFfmpegStreamsGiveNoneWithBothReasons() throws IOException {
        byte[] opus = encodeStreamTags("ogg", "libopus", Map.of());
        byte[] wav = encode("wav", "pcm_s16le", Map.of(), Map.of());

        ExistingTags opusTags = readLikeTheScoreJob(opus, "untagged.opus");
        ExistingTags wavTags = readLikeTheScoreJob(wav, "untagged.wav");

        assertThat(opusTags.found()).isFalse();
        assertThat(opusTags.detail()).contains("untagged.opus: Ogg Opus", "ffmpeg: no genre in the ogg metadata");
        assertThat(wavTags.found()).isFalse();
        assertThat(wavTags.detail()).contains("no IGNR", "ffmpeg: not an FFmpeg-decoded stream");
    }

    @Test
    void metadataIsReadFromAnOpenStreamOnly() throws IOException {
        byte[] flac = encode("flac", "flac", Map.of(), Map.of("genre", List.of("Blues")));
        AudioStream stream = AudioDecoders.open(new ByteArraySource(flac), "a.flac");
        TestTones.decodeAll(stream);
        MediaMetadata afterDecoding = stream.metadata();
        stream.close();

        assertThat(FfmpegTags.of(afterDecoding).names()).containsExactly("Blues");
        assertThat(FfmpegTags.of(afterDecoding).source()).isEqualTo(TagSource.VORBIS);

        AudioStream closed = AudioDecoders.open(new ByteArraySource(flac), "b.flac");
        closed.close();
        assertThatThrownBy(closed::metadata).isInstanceOf(IllegalStateException.class).hasMessageContaining("b.flac");
    }

    private ExistingTags readLikeTheScoreJob(byte[] bytes, String name) throws IOException {
        ByteArraySource source = new ByteArraySource(bytes);
        ExistingTags fromFile = reader.read(source, name);
        try (AudioStream stream = AudioDecoders.open(source, name)) {
            return fromFile.orElse(() -> FfmpegTags.of(stream.metadata()));
        }
    }
}
