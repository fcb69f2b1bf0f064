package dev.audiopipeline.pipeline.store;

import dev.audiopipeline.pipeline.testing.MiniHdfs;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Publishing stopped part-way and completed, on a real HDFS (MiniDFSCluster on 127.0.0.1). */
class HdfsInterruptedPublishTest extends RemoteInterruptedPublishing {

    private static MiniDFSCluster cluster;

    @BeforeAll
    static void startHdfs() throws IOException {
        cluster = MiniHdfs.start("hdfs-publish");
    }

    @AfterAll
    static void stopHdfs() {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    @Override
    String outputs() {
        return MiniHdfs.uri(cluster) + "/outputs";
    }

    @Override
    Configuration conf() {
        return cluster.getConfiguration(0);
    }
}
