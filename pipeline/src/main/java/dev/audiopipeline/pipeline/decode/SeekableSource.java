package dev.audiopipeline.pipeline.decode;

import java.io.Closeable;
import java.io.IOException;

/**
 * Bytes read at an absolute position, so that a decoder can jump around a container (an MP4 whose {@code moov}
 * atom is at the end) without a local file: a local file, a byte array, or a remote stream such as Hadoop's
 * {@code FSDataInputStream} (its {@code PositionedReadable}) all fit this shape.
 *
 * <p>Decoders call it from one thread at a time.
 */
public interface SeekableSource extends Closeable {

    /** The total number of bytes, or -1 if the source cannot tell. */
    long length() throws IOException;

    /**
     * Reads up to {@code length} bytes starting at {@code position} into {@code buffer}.
     *
     * @return the number of bytes read (at least 1 if {@code length > 0} and {@code position} is before the end),
     *     or -1 if {@code position} is at or past the end
     */
    int read(long position, byte[] buffer, int offset, int length) throws IOException;
}
