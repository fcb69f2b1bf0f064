package dev.audiopipeline.pipeline.decode;

import java.io.IOException;
import java.io.InputStream;

/** A {@link SeekableSource} read from the start as an {@link InputStream}, for the streaming WAV decoder. */
final class SourceInputStream extends InputStream {

    private final SeekableSource source;
    private long position;

    SourceInputStream(SeekableSource source) {
        this.source = source;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int n = source.read(position, buffer, offset, length);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        if (n <= 0) {
            return 0;
        }
        long length = source.length();
        long skipped = length < 0 ? n : Math.max(0, Math.min(n, length - position));
        position += skipped;
        return skipped;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
