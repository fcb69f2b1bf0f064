package dev.audiopipeline.pipeline.tags;

import dev.audiopipeline.pipeline.decode.SeekableSource;
import java.io.IOException;

/** A source that counts what is read from it, and checks it is not closed by the reader. */
final class CountingSource implements SeekableSource {

    private final SeekableSource source;
    private long bytesRead;
    private int reads;
    private boolean closed;

    CountingSource(SeekableSource source) {
        this.source = source;
    }

    long bytesRead() {
        return bytesRead;
    }

    int reads() {
        return reads;
    }

    boolean closed() {
        return closed;
    }

    @Override
    public long length() throws IOException {
        return source.length();
    }

    @Override
    public int read(long position, byte[] buffer, int offset, int length) throws IOException {
        int n = source.read(position, buffer, offset, length);
        reads++;
        if (n > 0) {
            bytesRead += n;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        source.close();
    }
}
