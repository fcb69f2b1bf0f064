package dev.audiopipeline.pipeline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.pipeline.testing.SparkTestSession;
import dev.audiopipeline.pipeline.testing.MiniHdfs;
import java.io.IOException;
import java.util.Map;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Nightly runs with a manifest, input and output on a real HDFS (MiniDFSCluster on 127.0.0.1). */
@ExtendWith(SparkTestSession.class)
class HdfsExtractionTest {

    private static MiniDFSCluster cluster;
    private static String base;

    @BeforeAll
    static void startHdfs() throws IOException {
        cluster = MiniHdfs.start("hdfs-extract");
        base = MiniHdfs.uri(cluster);
    }

    @AfterAll
    static void stopHdfs() {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    @Test
    void manifestRunsOnHdfsAddOnlyWhatIsNew(SparkSession spark) throws IOException {
        RemoteExtraction remote = new RemoteExtraction(spark, cluster.getConfiguration(0));
        remote.wav(base + "/lib/albums/one.wav", 7.0, 220);
        remote.wav(base + "/lib/albums/two words.wav", 3.4, 330);
        remote.text(base + "/lib/albums/notes.wav", "not a wav");
        remote.text(base + "/lib/labels.csv", "path,label,split\nalbums/one.wav,rock,train\n"
                + "albums/two words.wav,jazz,test\nalbums/notes.wav,jazz,train\nalbums/gone.wav,pop,train\n");
        String output = base + "/features-store";

        ExtractionSummary first = remote.run(remote.lister().listManifest(base + "/lib/labels.csv"), output, false);

        assertThat(first).extracting(ExtractionSummary::filesSeen, ExtractionSummary::filesOk,
                ExtractionSummary::filesRejected, ExtractionSummary::segments).containsExactly(4L, 2L, 2L, 3L);
        assertThat(remote.segmentsPerFile(output)).isEqualTo(Map.of("one.wav", 2, "two words.wav", 1));
        assertThat(remote.rejected(output)).isEqualTo(Map.of("notes.wav", "unsupported_format", "gone.wav",
                "unreadable"));

        ExtractionSummary again = remote.run(remote.lister().listManifest(base + "/lib/labels.csv"), output, true);

        assertThat(again.filesUnchanged()).isEqualTo(4);
        assertThat(again.segments() + again.filesRejected()).isZero();
        assertThat(remote.segmentsPerFile(output)).isEqualTo(Map.of("one.wav", 2, "two words.wav", 1));

        remote.wav(base + "/lib/albums/gone.wav", 6.1, 440); // the missing file arrives
        ExtractionSummary third = remote.run(remote.lister().listManifest(base + "/lib/labels.csv"), output, true);

        assertThat(third).extracting(ExtractionSummary::filesChanged, ExtractionSummary::filesOk,
                ExtractionSummary::segments, ExtractionSummary::filesUnchanged).containsExactly(1L, 1L, 2L, 3L);
        assertThat(remote.segmentsPerFile(output)).isEqualTo(Map.of("one.wav", 2, "two words.wav", 1,
                "gone.wav", 2));
        assertThat(remote.rejected(output)).isEqualTo(Map.of("notes.wav", "unsupported_format"));
    }
}
