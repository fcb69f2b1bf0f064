package dev.audiopipeline.pipeline.decode;

import java.io.IOException;
import java.io.InputStream;

/**
 * An {@link InputStream} seen as a {@link SeekableSource} that can only be read in order (or skip forward): what
 * FFmpeg gets when the caller has no positioned source. Its length is unknown.
 */
final class ForwardOnlySource implements SeekableSource {

    private final InputStream in;
    private long position;

    ForwardOnlySource(InputStream in) {
        this.in = in;
    }

    @Override
    public long length() {
        return -1;
    }

    @Override
    public int read(long at, byte[] buffer, int offset, int length) throws IOException {
        if (at < position) {
            throw new IOException("cannot seek backwards in a stream (at " + position + ", asked for " + at + ")");
        }
        while (position < at) {
            long skipped = in.skip(at - position);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    return -1;
                }
                skipped = 1;
            }
            position += skipped;
        }
        int n = in.read(buffer, offset, length);
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
