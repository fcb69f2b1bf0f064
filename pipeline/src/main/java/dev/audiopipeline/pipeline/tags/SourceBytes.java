package dev.audiopipeline.pipeline.tags;

import dev.audiopipeline.pipeline.decode.SeekableSource;
import java.io.IOException;
import java.util.Arrays;

/**
 * Whole reads at a position of a {@link SeekableSource} (which may return fewer bytes than asked per call), the
 * file's first bytes read once and then served from memory.
 */
final class SourceBytes {

    private final SeekableSource source;
    private final long length;
    private byte[] head = new byte[0];

    SourceBytes(SeekableSource source) throws IOException {
        this.source = source;
        this.length = source.length();
    }

    /** The source's length, or -1 if it cannot tell. */
    long length() {
        return length;
    }

    /** The first {@code count} bytes (fewer if the file is shorter), kept for later reads. */
    byte[] head(int count) throws IOException {
        head = read(0, count);
        return head;
    }

    /** Up to {@code count} bytes from {@code position}: fewer only at the end of the source. */
    byte[] read(long position, int count) throws IOException {
        if (position + count <= head.length) {
            return Arrays.copyOfRange(head, (int) position, (int) position + count);
        }
        byte[] buffer = new byte[count];
        int filled = fill(position, buffer, 0, count);
        return filled == count ? buffer : Arrays.copyOf(buffer, filled);
    }

    /** Reads into {@code buffer} until {@code count} bytes or the end; returns how many were read. */
    int fill(long position, byte[] buffer, int offset, int count) throws IOException {
        int filled = 0;
        while (filled < count) {
            int n = source.read(position + filled, buffer, offset + filled, count - filled);
            if (n <= 0) {
                break;
            }
            filled += n;
        }
        return filled;
    }
}
