package dev.audiopipeline.pipeline.tags;

import static dev.audiopipeline.pipeline.tags.TaggedAudio.encode;
import static dev.audiopipeline.pipeline.tags.TaggedAudio.encodeStreamTags;
import static dev.audiopipeline.pipeline.tags.TaggedAudio.tagWithJaudiotagger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.audiopipeline.pipeline.decode.ByteArraySource;
import dev.audiopipeline.pipeline.decode.FileSource;
import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.jaudiotagger.audio.mp3.MP3File;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.TagOptionSingleton;
import org.jaudiotagger.tag.id3.ID3v24Tag;
import org.jaudiotagger.tag.mp4.Mp4Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Files of every tag format, written in the test, read back through {@link TagReader}. */
class TagReaderTest {

    private Path scratch;
    private TagReader reader;

    @BeforeEach
    void setUp() {
        scratch = TestScratch.newDirectory("tags");
        reader = new TagReader(scratch, TagReader.DEFAULT_MAX_TAG_BYTES);
    }

    @AfterEach
    void noCopyIsLeftBehind() throws IOException {
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).as("temporary copies left in the scratch directory").isEmpty();
        }
    }

    /** ID3v2.3 {@code TCON} values as taggers write them, through FFmpeg's ID3v2 writer (which stores text as given). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Hip-Hop         | Hip-Hop",
        "(17)            | Rock",
        "(17)Rock        | Rock",
        "(4)Eurodisco    | Disco, Eurodisco",
        "(RX)(CR)        | Remix, Cover",
        "Rock/Pop        | Rock, Pop",
        "(62)            | Pop/Funk"})
    void mp3WithId3v23Genre(String stored, String expected) throws IOException {
        byte[] mp3 = encode("mp3", "libmp3lame", Map.of("id3v2_version", "3"), Map.of("genre", List.of(stored)));

        ExistingTags tags = read(mp3, "v23.mp3");

        assertThat(tags.source()).isEqualTo(TagSource.ID3V2);
        assertThat(tags.rawValues()).containsExactly(stored);
        assertThat(tags.names()).containsExactly(expected.split(", "));
    }

    @Test
    void mp3WithId3v24MultipleNullSeparatedValues() throws Exception {
        byte[] untagged = encode("mp3", "libmp3lame", Map.of("id3v2_version", "0"), Map.of());
        // jaudiotagger writes v2.4 genres of the ID3 list as numbers ("17"), several values in one frame.
        byte[] mp3 = tagWithJaudiotagger(untagged, "mp3", file -> {
            ID3v24Tag tag = new ID3v24Tag();
            tag.addField(FieldKey.GENRE, "Rock");
            tag.addField(FieldKey.GENRE, "Synthwave");
            tag.addField(FieldKey.GENRE, "Jazz");
            ((MP3File) file).setID3v2Tag(tag);
        });
        assertThat(new String(mp3, StandardCharsets.ISO_8859_1)).contains("17\0Synthwave\0" + "8");

        ExistingTags tags = read(mp3, "v24.mp3");

        assertThat(tags.source()).isEqualTo(TagSource.ID3V2);
        assertThat(tags.genres()).extracting(GenreTag::raw, GenreTag::genre)
                .containsExactly(tuple("17", "Rock"), tuple("Synthwave", "Synthwave"), tuple("8", "Jazz"));
    }

    @Test
    void mp3WithId3v1Only() throws IOException {
        // Without ID3v2, FFmpeg's muxer does not rename "genre" to the ID3 key its ID3v1 writer looks for.
        byte[] mp3 = encode("mp3", "libmp3lame", Map.of("id3v2_version", "0", "write_id3v1", "1"),
                Map.of("TCON", List.of("Jazz")));
        assertThat(new String(mp3, mp3.length - 128, 3, StandardCharsets.US_ASCII)).isEqualTo("TAG");
        assertThat(new String(mp3, 0, 3, StandardCharsets.US_ASCII)).isNotEqualTo("ID3");

        ExistingTags tags = read(mp3, "v1.mp3");

        assertThat(tags.source()).isEqualTo(TagSource.ID3V1);
        assertThat(tags.genres()).containsExactly(new GenreTag("8", "Jazz"));
    }

    @Test
    void id3v2WinsOverId3v1() throws IOException {
        byte[] mp3 = encode("mp3", "libmp3lame", Map.of("id3v2_version", "4", "write_id3v1", "1"),
                Map.of("genre", List.of("Blues")));

        assertThat(read(mp3, "both.mp3").source()).isEqualTo(TagSource.ID3V2);
    }

    @Test
    void flacWithOneGenreComment() throws IOException {
        byte[] flac = encode("flac", "flac", Map.of(), Map.of("genre", List.of("Hip Hop")));

        ExistingTags tags = read(flac, "a.flac");

        assertThat(tags.source()).isEqualTo(TagSource.VORBIS);
        assertThat(tags.genres()).containsExactly(new GenreTag("Hip Hop", "Hip Hop"));
    }

    @Test
    void flacWithRepeatedGenreCommentsAndAJoinedOne() throws Exception {
        // FFmpeg's muxer keeps one value per key: repeated comments are written by jaudiotagger.
        byte[] flac = tagWithJaudiotagger(encode("flac", "flac", Map.of(), Map.of()), "flac", file -> {
            file.getTagOrCreateAndSetDefault().addField(FieldKey.GENRE, "Rock");
            file.getTag().addField(FieldKey.GENRE, "Hip Hop; Electronic");
        });

        ExistingTags tags = read(flac, "repeated.flac");

        assertThat(tags.source()).isEqualTo(TagSource.VORBIS);
        assertThat(tags.genres()).extracting(GenreTag::raw, GenreTag::genre).containsExactly(
                tuple("Rock", "Rock"), tuple("Hip Hop; Electronic", "Hip Hop"),
                tuple("Hip Hop; Electronic", "Electronic"));
    }

    @Test
    void oggVorbisComments() throws IOException {
        byte[] ogg = encodeStreamTags("ogg", "vorbis", Map.of("genre", List.of("Jazz/Blues")));

        ExistingTags tags = read(ogg, "a.ogg");

        assertThat(tags.source()).isEqualTo(TagSource.VORBIS);
        assertThat(tags.genres()).containsExactly(new GenreTag("Jazz/Blues", "Jazz"), new GenreTag("Jazz/Blues", "Blues"));
    }

    @Test
    void opusIsLeftToFfmpeg() throws IOException {
        byte[] opus = encodeStreamTags("ogg", "libopus", Map.of("genre", List.of("Jazz")));

        ExistingTags tags = read(opus, "a.opus");

        assertThat(tags.found()).isFalse();
        assertThat(tags.detail()).contains("a.opus", "Opus");
    }

    @Test
    void m4aWithTextGenreAtomMoovAtEndAndAtStart() throws IOException {
        for (String flags : List.of("", "+faststart")) {
            Map<String, String> options = flags.isEmpty() ? Map.of() : Map.of("movflags", flags);
            byte[] m4a = encode("ipod", "aac", options, Map.of("genre", List.of("Reggae")));

            ExistingTags tags = read(m4a, "a" + flags + ".m4a");

            assertThat(tags.source()).as(flags).isEqualTo(TagSource.MP4);
            assertThat(tags.genres()).as(flags).containsExactly(new GenreTag("Reggae", "Reggae"));
        }
    }

    @Test
    void m4aWithNumericGnreAtom() throws Exception {
        byte[] untagged = encode("ipod", "aac", Map.of("movflags", "+faststart"), Map.of());
        assertThat(TagOptionSingleton.getInstance().isWriteMp4GenresAsText()).isFalse();
        byte[] m4a = tagWithJaudiotagger(untagged, "m4a", file -> {
            Mp4Tag tag = (Mp4Tag) file.getTagOrCreateAndSetDefault();
            tag.setField(FieldKey.GENRE, "Blues");
        });
        assertThat(new String(m4a, StandardCharsets.ISO_8859_1)).contains("gnre").doesNotContain("©gen");

        ExistingTags tags = read(m4a, "gnre.m4a");

        assertThat(tags.source()).isEqualTo(TagSource.MP4);
        assertThat(tags.genres()).containsExactly(new GenreTag("1", "Blues")); // gnre stores ID3v1 number + 1
    }

    @Test
    void wavWithRiffInfoGenre() throws IOException {
        byte[] wav = encode("wav", "pcm_s16le", Map.of(), Map.of("genre", List.of("Country")));

        ExistingTags tags = read(wav, "a.wav");

        assertThat(tags.source()).isEqualTo(TagSource.RIFF_INFO);
        assertThat(tags.genres()).containsExactly(new GenreTag("Country", "Country"));
    }

    @Test
    void wavWithInfoAfterTheAudioAndFarFromBothEnds() throws IOException {
        byte[] wav = RiffFiles.wavWithInfoAfterData(4_000_000, "Disco", 1_000_000);

        ExistingTags tags = read(wav, "late-info.wav");

        assertThat(tags.source()).isEqualTo(TagSource.RIFF_INFO);
        assertThat(tags.names()).containsExactly("Disco");
    }

    @Test
    void aiffWithId3Chunk() throws IOException {
        byte[] aiff = encode("aiff", "pcm_s16be", Map.of("write_id3v2", "1"), Map.of("genre", List.of("Classical")));

        ExistingTags tags = read(aiff, "a.aiff");

        assertThat(tags.source()).isEqualTo(TagSource.ID3V2);
        assertThat(tags.names()).containsExactly("Classical");
    }

    @Test
    void untaggedFilesHaveNoGenreAndSayWhy() throws IOException {
        for (byte[] untagged : List.of(encode("flac", "flac", Map.of(), Map.of()),
                encode("mp3", "libmp3lame", Map.of("id3v2_version", "0"), Map.of()),
                encode("wav", "pcm_s16le", Map.of(), Map.of()))) {
            ExistingTags tags = read(untagged, "untagged");

            assertThat(tags.source()).isEqualTo(TagSource.NONE);
            assertThat(tags.genres()).isEmpty();
            assertThat(tags.detail()).isNotBlank();
        }
    }

    @Test
    void brokenFilesGiveNoTagsWithAReason() {
        byte[] id3ClaimingTooMuch = {'I', 'D', '3', 4, 0, 0, 0x7F, 0x7F, 0x7F, 0x7F, 1, 2, 3};
        Map<String, byte[]> broken = Map.of(
                "empty.mp3", new byte[0],
                "text.mp3", "this is not audio at all".getBytes(StandardCharsets.US_ASCII),
                "huge-id3.mp3", id3ClaimingTooMuch,
                "cut.flac", new byte[] {'f', 'L', 'a', 'C', 0, 0, 0, 34, 1, 2});
        broken.forEach((name, bytes) -> {
            ExistingTags tags = reader.read(new ByteArraySource(bytes), name);

            assertThat(tags.found()).as(name).isFalse();
            assertThat(tags.detail()).as(name).contains(name);
        });
    }

    @Test
    void localFilesAreReadWithoutBeingChanged() throws Exception {
        byte[] mp3 = encode("mp3", "libmp3lame", Map.of("id3v2_version", "4"), Map.of("genre", List.of("Metal")));
        Path file = TestScratch.newDirectory("tags-local").resolve("song.mp3");
        Files.write(file, mp3);
        FileTime modified = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, modified);

        ExistingTags tags;
        try (FileSource source = FileSource.open(file)) {
            tags = reader.read(source, file.toString());
        }

        assertThat(tags.names()).containsExactly("Metal");
        assertThat(Files.readAllBytes(file)).isEqualTo(mp3);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
    }

    @Test
    void jaudiotaggerLogsNothing() throws IOException {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        try {
            byte[] mp3 = encode("mp3", "libmp3lame", Map.of("id3v2_version", "3"), Map.of("genre", List.of("Jazz")));
            byte[] cut = Arrays.copyOf(mp3, 600); // jaudiotagger complains about such files at WARNING
            read(mp3, "a.mp3");
            read(cut, "cut.mp3");
            read(encodeStreamTags("ogg", "vorbis", Map.of()), "a.ogg");
        } finally {
            root.removeHandler(handler);
        }
        assertThat(records).extracting(LogRecord::getLoggerName)
                .noneMatch(logger -> logger != null && logger.startsWith("org.jaudiotagger"));
    }

    @Test
    void readsInParallelThreads() throws Exception {
        Map<String, byte[]> files = Map.of(
                "Jazz", encode("mp3", "libmp3lame", Map.of("id3v2_version", "3"), Map.of("genre", List.of("Jazz"))),
                "Blues", encode("flac", "flac", Map.of(), Map.of("genre", List.of("Blues"))),
                "Reggae", encode("ipod", "aac", Map.of(), Map.of("genre", List.of("Reggae"))),
                "Country", encode("wav", "pcm_s16le", Map.of(), Map.of("genre", List.of("Country"))));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                files.forEach((genre, bytes) -> results.add(threads.submit(
                        () -> read(bytes, genre).names().equals(List.of(genre)))));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** The score job builds the reader and the mapping on the driver and ships them; results come back as rows. */
    @Test
    void readerMappingAndResultsSurviveSerializationAndTheScratchDirectoryIsCreated() throws Exception {
        Path missing = TestScratch.newDirectory("tags-shipped").resolve("executor/local");
        TagReader shipped = roundTrip(new TagReader(missing, TagReader.DEFAULT_MAX_TAG_BYTES));
        LabelMapping mapping = roundTrip(LabelMapping.parse("Hip-Hop = hiphop\n", "m.txt"));

        ExistingTags tags = shipped.read(new ByteArraySource(
                encode("flac", "flac", Map.of(), Map.of("genre", List.of("Hip-Hop")))), "a.flac");
        MappedTag mapped = mapping.map(tags, List.of("hiphop", "rock"));

        assertThat(mapped.label()).isEqualTo("hiphop");
        assertThat(missing).isEmptyDirectory();
        assertThat(roundTrip(tags)).isEqualTo(tags);
        assertThat(roundTrip(mapped)).isEqualTo(mapped);
        assertThat(roundTrip(TagReader.inTempDirectory()).read(new ByteArraySource(new byte[0]), "empty").detail())
                .contains("empty");
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    private ExistingTags read(byte[] bytes, String name) {
        return reader.read(new ByteArraySource(bytes), name);
    }
}
