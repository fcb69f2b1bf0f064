package dev.audiopipeline.pipeline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.pipeline.source.InputLayout;
import dev.audiopipeline.pipeline.source.InputListing;
import dev.audiopipeline.pipeline.testing.S3ProxyServer;
import dev.audiopipeline.pipeline.testing.SparkTestSession;
import java.io.IOException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Nightly runs over train/test folders, input and output on a real S3 server (s3proxy in its own process). */
@ExtendWith(SparkTestSession.class)
class S3ExtractionTest {

    /** A bucket no other test uses: Hadoop caches S3A clients by bucket. */
    private static final String BUCKET = "nightly-extract";

    private static S3ProxyServer server;

    @BeforeAll
    static void startS3() throws Exception {
        server = S3ProxyServer.start();
        server.createBucket(BUCKET);
    }

    @AfterAll
    static void stopS3() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void splitFolderRunsOnS3AddOnlyWhatIsNew(SparkSession spark) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        server.hadoopConfiguration().forEach(entry -> {
            if (entry.getKey().startsWith("fs.s3a.") && !entry.getKey().equals("fs.s3a.impl.disable.cache")) {
                conf.set(entry.getKey(), entry.getValue());
            }
        });
        RemoteExtraction remote = new RemoteExtraction(spark, conf);
        String root = "s3a://" + BUCKET + "/library";
        remote.wav(root + "/train/rock/a.wav", 6.2, 220);
        remote.wav(root + "/train/pop/b b.wav", 3.1, 330);
        remote.wav(root + "/test/rock/c.wav", 9.0, 440);
        remote.text(root + "/test/pop/broken.flac", "fLaC and then nothing");
        String output = "s3a://" + BUCKET + "/store";

        InputListing listing = remote.lister().list(root);
        assertThat(listing.layout()).isEqualTo(InputLayout.SPLIT_FOLDERS);
        ExtractionSummary first = remote.run(listing, output, false);

        assertThat(first).extracting(ExtractionSummary::filesOk, ExtractionSummary::filesRejected,
                ExtractionSummary::segments).containsExactly(3L, 1L, 6L);
        assertThat(remote.segmentsPerFile(output)).isEqualTo(Map.of("a.wav", 2, "b b.wav", 1, "c.wav", 3));
        assertThat(remote.rejected(output)).containsOnlyKeys("broken.flac");
        assertThat(spark.read().parquet(output + "/features").select("path", "split").distinct().collectAsList())
                .extracting(r -> r.getString(0).replaceAll(".*/library/", ""), (Row r) -> r.getString(1))
                .containsExactlyInAnyOrder(org.assertj.core.api.Assertions.tuple("train/rock/a.wav", "train"),
                        org.assertj.core.api.Assertions.tuple("train/pop/b b.wav", "train"),
                        org.assertj.core.api.Assertions.tuple("test/rock/c.wav", "test"));

        ExtractionSummary again = remote.run(remote.lister().list(root), output, true);

        assertThat(again.filesUnchanged()).isEqualTo(4);
        assertThat(again.segments() + again.filesRejected()).isZero();

        remote.wav(root + "/train/pop/d.wav", 3.0, 550);
        ExtractionSummary third = remote.run(remote.lister().list(root), output, true);

        assertThat(third).extracting(ExtractionSummary::filesNew, ExtractionSummary::filesOk,
                ExtractionSummary::segments, ExtractionSummary::filesUnchanged).containsExactly(1L, 1L, 1L, 4L);
        assertThat(remote.segmentsPerFile(output)).isEqualTo(Map.of("a.wav", 2, "b b.wav", 1, "c.wav", 3,
                "d.wav", 1));
        assertThat(remote.rejected(output)).containsOnlyKeys("broken.flac");
    }
}
