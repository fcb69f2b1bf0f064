package dev.audiopipeline.pipeline.store;

import dev.audiopipeline.pipeline.testing.MiniHdfs;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Publishing stopped part-way and completed, on a real HDFS (MiniDFSCluster on 127.0.0.1). */
class HdfsInterruptedPublishTest extends InterruptedPublishing {

    private static MiniDFSCluster cluster;
    private static int outputs;

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

    /**
     * Each kind of boundary (every step costs seconds here): the plan written and nothing moved, after the first
     * move, between two moves, after the last move before the deletes, between the deletes.
     */
    @ParameterizedTest(name = "stopped after {0} steps")
    @ValueSource(ints = {0, 1, 2, 4, 5})
    void publishingStoppedAtEachKindOfStepIsCompletedByTheNextRun(int stepsDone) throws IOException {
        stoppedAfterIsCompletedByTheNextRun(stepsDone);
    }

    @Override
    String newOutput(String name) {
        return MiniHdfs.uri(cluster) + "/outputs/" + (++outputs) + "-" + name;
    }

    @Override
    Configuration conf() {
        return cluster.getConfiguration(0);
    }
}
