package dev.audiopipeline.pipeline.decode;

import java.util.Objects;

/** Bytes already in memory, read by position. The array is not copied. */
public final class ByteArraySource implements SeekableSource {

    private final byte[] bytes;

    public ByteArraySource(byte[] bytes) {
        this.bytes = Objects.requireNonNull(bytes, "bytes");
    }

    @Override
    public long length() {
        return bytes.length;
    }

    @Override
    public int read(long position, byte[] buffer, int offset, int length) {
        if (position < 0) {
            throw new IndexOutOfBoundsException("negative position " + position);
        }
        if (position >= bytes.length) {
            return -1;
        }
        int n = (int) Math.min(length, bytes.length - position);
        System.arraycopy(bytes, (int) position, buffer, offset, n);
        return n;
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
