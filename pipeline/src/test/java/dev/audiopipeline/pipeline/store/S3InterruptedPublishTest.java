package dev.audiopipeline.pipeline.store;

import dev.audiopipeline.pipeline.testing.S3ProxyServer;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Publishing stopped part-way and completed, on a real S3 server (s3proxy in its own process), where a rename is a
 * copy and a delete.
 */
class S3InterruptedPublishTest extends RemoteInterruptedPublishing {

    /** A bucket no other test uses: Hadoop caches S3A clients by bucket. */
    private static final String BUCKET = "interrupted-publish";

    private static S3ProxyServer server;
    private static Configuration conf;

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

    @Override
    String outputs() {
        return "s3a://" + BUCKET + "/outputs";
    }

    @Override
    Configuration conf() {
        return conf;
    }
}
