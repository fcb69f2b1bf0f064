package dev.audiopipeline.pipeline.decode;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Little-endian reads over an InputStream; {@link EOFException} when the stream ends inside a field. */
final class LittleEndianReader implements Closeable {
    private final InputStream in;
    private final byte[] scratch = new byte[8];

    LittleEndianReader(InputStream in) {
        this.in = in;
    }

    /** Reads until {@code length} bytes or the end of the stream; returns how many were read. */
    int readUpTo(byte[] buffer, int length) throws IOException {
        int total = 0;
        while (total < length) {
            int n = in.read(buffer, total, length - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private void readFully(int length) throws IOException {
        if (readUpTo(scratch, length) < length) {
            throw new EOFException();
        }
    }

    String readFourCc() throws IOException {
        readFully(4);
        return new String(scratch, 0, 4, StandardCharsets.ISO_8859_1);
    }

    int readUInt16() throws IOException {
        readFully(2);
        return (scratch[0] & 0xFF) | ((scratch[1] & 0xFF) << 8);
    }

    long readUInt32() throws IOException {
        readFully(4);
        return (scratch[0] & 0xFFL) | ((scratch[1] & 0xFFL) << 8) | ((scratch[2] & 0xFFL) << 16)
                | ((scratch[3] & 0xFFL) << 24);
    }

    long readUInt64() throws IOException {
        long low = readUInt32();
        long high = readUInt32();
        return low | (high << 32);
    }

    /** Skips exactly {@code count} bytes, or throws EOFException. */
    void skipFully(long count) throws IOException {
        long left = count;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException();
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
