package dev.audiopipeline.pipeline.testing;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/** A real HDFS for tests: a NameNode and one DataNode on 127.0.0.1, their storage under {@link TestScratch}. */
public final class MiniHdfs {

    private MiniHdfs() {}

    public static MiniDFSCluster start(String scratchPrefix) throws IOException {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, TestScratch.newDirectory(scratchPrefix).toString());
        MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
        return cluster;
    }

    /** The cluster's base URI, {@code hdfs://127.0.0.1:<port>}. */
    public static String uri(MiniDFSCluster cluster) {
        return "hdfs://127.0.0.1:" + cluster.getNameNodePort();
    }
}
