package dev.audiopipeline.pipeline.tags;

import static dev.audiopipeline.pipeline.tags.TaggedAudio.encode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.pipeline.source.HadoopFileSource;
import dev.audiopipeline.pipeline.testing.MiniHdfs;
import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileChecksum;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tags read from a real HDFS (MiniDFSCluster on 127.0.0.1) through {@link HadoopFileSource}. */
class HdfsTagsTest {

    private static MiniDFSCluster cluster;
    private static Configuration conf;
    private static String base;

    @BeforeAll
    static void startHdfs() throws IOException {
        cluster = MiniHdfs.start("hdfs-tags");
        conf = cluster.getConfiguration(0);
        base = MiniHdfs.uri(cluster);
    }

    @AfterAll
    static void stopHdfs() {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    @Test
    void readsTagsFromHdfsReadingOnlyTheirBytesAndChangingNothing() throws IOException {
        byte[] m4a = encode("ipod", "aac", Map.of(), Map.of("genre", List.of("Reggae"))); // moov after mdat
        byte[] wav = RiffFiles.wavWithInfoAfterData(4_000_000, "Disco", 1_000_000);
        byte[] mp3 = encode("mp3", "libmp3lame", Map.of("id3v2_version", "4"), Map.of("genre", List.of("Metal")));
        Path scratch = TestScratch.newDirectory("hdfs-tags-copies");
        TagReader reader = new TagReader(scratch, TagReader.DEFAULT_MAX_TAG_BYTES);

        assertRead(reader, "/music/reggae/moov at end.m4a", m4a, TagSource.MP4, "Reggae", m4a.length);
        assertRead(reader, "/music/disco/late info.wav", wav, TagSource.RIFF_INFO, "Disco", 200_000);
        assertRead(reader, "/music/metal/ünïcode.mp3", mp3, TagSource.ID3V2, "Metal", mp3.length);
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
    }

    private static void assertRead(TagReader reader, String path, byte[] bytes, TagSource expected, String genre,
            long maxBytesRead) throws IOException {
        String uri = base + path;
        org.apache.hadoop.fs.Path hadoopPath = new org.apache.hadoop.fs.Path(uri);
        try (OutputStream out = hadoopPath.getFileSystem(conf).create(hadoopPath)) {
            out.write(bytes);
        }
        FileChecksum before = hadoopPath.getFileSystem(conf).getFileChecksum(hadoopPath);
        long modified = hadoopPath.getFileSystem(conf).getFileStatus(hadoopPath).getModificationTime();

        ExistingTags tags;
        CountingSource source;
        try (CountingSource counting = new CountingSource(HadoopFileSource.open(conf, uri, bytes.length))) {
            source = counting;
            tags = reader.read(counting, uri);
            assertThat(counting.closed()).as("the reader leaves the source open for decoding").isFalse();
        }

        assertThat(tags.source()).as(path).isEqualTo(expected);
        assertThat(tags.names()).as(path).containsExactly(genre);
        assertThat(source.bytesRead()).as(path + ": bytes read of " + bytes.length).isLessThanOrEqualTo(maxBytesRead);
        assertThat(hadoopPath.getFileSystem(conf).getFileChecksum(hadoopPath)).isEqualTo(before);
        assertThat(hadoopPath.getFileSystem(conf).getFileStatus(hadoopPath).getModificationTime()).isEqualTo(modified);
    }
}
