package dev.audiopipeline.pipeline.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.audiopipeline.pipeline.testing.S3ProxyServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Listing and decoding s3a:// roots on a real S3 server (s3proxy in its own process on 127.0.0.1). */
class S3InputsTest {

    private static S3ProxyServer server;
    private static Configuration conf;

    @BeforeAll
    static void startS3() throws Exception {
        server = S3ProxyServer.start();
        server.createBucket("music");
        conf = server.hadoopConfiguration();
    }

    @AfterAll
    static void stopS3() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void listsSplitFoldersOnS3() throws IOException {
        write("s3a://music/lib/train/rock/a.wav", "aaaa");
        write("s3a://music/lib/train/pop/b b.wav", "bb");
        write("s3a://music/lib/test/rock/c.wav", "c");

        InputListing listing = new AudioInputLister(conf, new TrackSplit(0.2)).list("s3a://music/lib");

        assertThat(listing.layout()).isEqualTo(InputLayout.SPLIT_FOLDERS);
        assertThat(listing.inputs())
                .extracting(AudioInput::path, AudioInput::label, AudioInput::split, AudioInput::sizeBytes)
                .containsExactly(
                        tuple("s3a://music/lib/test/rock/c.wav", "rock", Split.TEST, 1L),
                        tuple("s3a://music/lib/train/pop/b b.wav", "pop", Split.TRAIN, 2L),
                        tuple("s3a://music/lib/train/rock/a.wav", "rock", Split.TRAIN, 4L));
    }

    @Test
    void readsAManifestOnS3() throws IOException {
        write("s3a://music/m/x.wav", "x");
        write("s3a://music/m/manifest.csv", "path,label\nx.wav,jazz\n");

        InputListing listing = new AudioInputLister(conf, new TrackSplit(0.2)).listManifest("s3a://music/m/manifest.csv");

        assertThat(listing.inputs()).extracting(AudioInput::path, AudioInput::label)
                .containsExactly(tuple("s3a://music/m/x.wav", "jazz"));
    }

    @Test
    void decodesFlacAndSeekingM4aFromS3() throws IOException {
        byte[][] fixtures = RemoteDecoding.fixtures();
        RemoteDecoding.write(conf, "s3a://music/coded/a/tone.flac", fixtures[0]);
        RemoteDecoding.write(conf, "s3a://music/coded/b/tone moov-at-end.m4a", fixtures[1]);

        InputListing listing = new AudioInputLister(conf, new TrackSplit(0.2)).list("s3a://music/coded");

        RemoteDecoding.assertDecodesLikeLocal(conf, listing, fixtures);
    }

    private static void write(String uri, String content) throws IOException {
        Path path = new Path(uri);
        FileSystem fs = path.getFileSystem(conf);
        try (OutputStream out = fs.create(path, true)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }
}
