package dev.audiopipeline.pipeline.store;

import dev.audiopipeline.pipeline.testing.S3ProxyServer;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Publishing stopped part-way and completed, on a real S3 server (s3proxy in its own process), where a rename is a
 * copy and a delete.
 */
class S3InterruptedPublishTest extends InterruptedPublishing {

    /** A bucket no other test uses: Hadoop caches S3A clients by bucket. */
    private static final String BUCKET = "interrupted-publish";

    private static S3ProxyServer server;
    private static Configuration conf;
    private static int outputs;

    @BeforeAll
    static void startS3() throws Exception {
        server = S3ProxyServer.start();
        server.createBucket(BUCKET);
        conf = server.hadoopConfiguration();
        conf.set("fs.s3a.impl.disable.cache", "false"); // one client for the class: each costs a connection pool
    }

    @AfterAll
    static void stopS3() {
        if (server != null) {
            server.close();
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
        return "s3a://" + BUCKET + "/outputs/" + (++outputs) + "-" + name;
    }

    @Override
    Configuration conf() {
        return conf;
    }
}
