package dev.audiopipeline.pipeline.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.audiopipeline.pipeline.rejection.RejectionReason;
import dev.audiopipeline.pipeline.testing.MiniHdfs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Listing and decoding on a real HDFS (MiniDFSCluster: a NameNode and a DataNode on 127.0.0.1). */
class HdfsInputsTest {

    private static MiniDFSCluster cluster;
    private static FileSystem fs;
    private static String base;

    @BeforeAll
    static void startHdfs() throws IOException {
        cluster = MiniHdfs.start("hdfs");
        fs = cluster.getFileSystem();
        base = MiniHdfs.uri(cluster);
    }

    @AfterAll
    static void stopHdfs() {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    @Test
    void listsLabelFoldersWithSizesAndTimes() throws IOException {
        write("/genres/blues/blues.00000.au", 10);
        write("/genres/jazz/jazz 1.au", 20);
        write("/genres/_SUCCESS", 0);

        InputListing listing = lister().list(base + "/genres");

        assertThat(listing.layout()).isEqualTo(InputLayout.LABEL_FOLDERS);
        assertThat(listing.inputs())
                .extracting(AudioInput::path, AudioInput::label, AudioInput::sizeBytes)
                .containsExactly(
                        tuple(base + "/genres/blues/blues.00000.au", "blues", 10L),
                        tuple(base + "/genres/jazz/jazz 1.au", "jazz", 20L));
        assertThat(listing.inputs()).allSatisfy(input -> assertThat(input.modificationTime()).isPositive());
    }

    @Test
    void readsAManifestStoredOnHdfs() throws IOException {
        write("/m/train/a.wav", 5);
        write("/m/list.csv", "path,label,split\ntrain/a.wav,rock,train\ntrain/gone.wav,rock,train\n");

        InputListing listing = lister().listManifest(base + "/m/list.csv");

        assertThat(listing.inputs()).extracting(AudioInput::path).containsExactly(base + "/m/train/a.wav");
        assertThat(listing.rejected()).extracting(InputRejection::reason).containsExactly(RejectionReason.UNREADABLE);
    }

    @Test
    void decodesFlacAndSeekingM4aFromHdfs() throws IOException {
        byte[][] fixtures = RemoteDecoding.fixtures();
        RemoteDecoding.write(cluster.getConfiguration(0), base + "/coded/a/tone.flac", fixtures[0]);
        RemoteDecoding.write(cluster.getConfiguration(0), base + "/coded/b/tone moov-at-end.m4a", fixtures[1]);

        InputListing listing = lister().list(base + "/coded");

        RemoteDecoding.assertDecodesLikeLocal(cluster.getConfiguration(0), listing, fixtures);
    }

    private static AudioInputLister lister() {
        return new AudioInputLister(cluster.getConfiguration(0), new TrackSplit(0.2));
    }

    private static void write(String path, int bytes) throws IOException {
        try (OutputStream out = fs.create(new Path(path))) {
            out.write(new byte[bytes]);
        }
    }

    private static void write(String path, String text) throws IOException {
        try (OutputStream out = fs.create(new Path(path))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
