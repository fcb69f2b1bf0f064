package dev.audiopipeline.pipeline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;

/**
 * A real S3 server for tests: s3proxy in its own JVM on 127.0.0.1, storing buckets as folders under the test's
 * scratch directory. The jar is copied by the pipeline build to {@code target/s3proxy/s3proxy.jar} (system property
 * {@code audiopipeline.s3proxy.jar}); it is never on the test classpath, where it would upgrade Guava and protobuf
 * under Spark.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String ACCESS_KEY = "test-access";
    public static final String SECRET_KEY = "test-secret";

    private final Process process;
    private final Path bucketsDir;
    private final int port;

    private S3ProxyServer(Process process, Path bucketsDir, int port) {
        this.process = process;
        this.bucketsDir = bucketsDir;
        this.port = port;
    }

    /** Starts a server and waits until it accepts connections. */
    public static S3ProxyServer start() throws IOException, InterruptedException {
        String jar = System.getProperty("audiopipeline.s3proxy.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("s3proxy jar not found (system property audiopipeline.s3proxy.jar = "
                    + jar + "); the pipeline module's build copies it to target/s3proxy/");
        }
        Path work = TestScratch.newDirectory("s3proxy");
        Path buckets = Files.createDirectories(work.resolve("buckets"));
        int port = freePort();
        Path properties = Files.writeString(work.resolve("s3proxy.conf"), String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=filesystem-nio2",
                "jclouds.filesystem.basedir=" + buckets,
                ""));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar, "--properties", properties.toString());
        Process process = new ProcessBuilder(command)
                .redirectOutput(work.resolve("s3proxy.out").toFile())
                .redirectError(work.resolve("s3proxy.err").toFile())
                .start();
        S3ProxyServer server = new S3ProxyServer(process, buckets, port);
        server.awaitListening(60);
        return server;
    }

    /** Creates a bucket (s3proxy's filesystem backend: a bucket is a folder). */
    public void createBucket(String bucket) {
        try {
            Files.createDirectories(bucketsDir.resolve(bucket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Hadoop configuration whose {@code s3a://} filesystem talks to this server. */
    public Configuration hadoopConfiguration() {
        Configuration conf = new Configuration();
        conf.set("fs.s3a.endpoint", endpoint());
        conf.set("fs.s3a.endpoint.region", "us-east-1");
        conf.set("fs.s3a.path.style.access", "true");
        conf.set("fs.s3a.connection.ssl.enabled", "false");
        conf.set("fs.s3a.access.key", ACCESS_KEY);
        conf.set("fs.s3a.secret.key", SECRET_KEY);
        conf.set("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        conf.set("fs.s3a.attempts.maximum", "2");
        conf.set("fs.s3a.retry.limit", "2");
        conf.set("fs.s3a.impl.disable.cache", "true"); // one S3A client per test configuration
        return conf;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitListening(int seconds) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("s3proxy exited with " + process.exitValue() + "; see its log under "
                        + bucketsDir.getParent());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        close();
        throw new IOException("s3proxy did not listen on port " + port + " within " + seconds + " s");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
