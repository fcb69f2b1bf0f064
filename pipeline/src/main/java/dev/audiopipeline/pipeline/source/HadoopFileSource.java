package dev.audiopipeline.pipeline.source;

import dev.audiopipeline.pipeline.decode.SeekableSource;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A file on any Hadoop filesystem (local, HDFS, S3A) as a {@link SeekableSource}. Reads at the current position go
 * straight to the stream; only a jump seeks. (Hadoop's own positioned read seeks back after every call, which on
 * S3A would abort and reopen the HTTP stream for every block a decoder reads.)
 */
public final class HadoopFileSource implements SeekableSource {

    private final FSDataInputStream in;
    private final long length;
    private long position;

    private HadoopFileSource(FSDataInputStream in, long length) {
        this.in = in;
        this.length = length;
    }

    /** Opens {@code uri}; {@code length} is the size from the listing (saves a metadata call on S3). */
    public static HadoopFileSource open(Configuration conf, String uri, long length) throws IOException {
        Path path = new Path(uri);
        FileSystem fs = path.getFileSystem(conf);
        return new HadoopFileSource(fs.open(path), length);
    }

    /** Opens {@code uri}, asking its filesystem for the size (one metadata call) when no listing gave it. */
    public static HadoopFileSource open(Configuration conf, String uri) throws IOException {
        Path path = new Path(uri);
        FileSystem fs = path.getFileSystem(conf);
        long length = fs.getFileStatus(path).getLen();
        return new HadoopFileSource(fs.open(path), length);
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public int read(long at, byte[] buffer, int offset, int count) throws IOException {
        if (at >= length) {
            return -1;
        }
        if (at != position) {
            in.seek(at);
            position = at;
        }
        int n = in.read(buffer, offset, (int) Math.min(count, length - at));
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
