package dev.audiopipeline.pipeline.decode;

import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FORCE;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_SIZE;
import static org.bytedeco.ffmpeg.global.avformat.avio_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avio_context_free;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.Read_packet_Pointer_BytePointer_int;
import org.bytedeco.ffmpeg.avformat.Seek_Pointer_long_int;
import org.bytedeco.ffmpeg.avformat.Write_packet_Pointer_BytePointer_int;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * An FFmpeg {@link AVIOContext} whose read and seek callbacks pull bytes from a {@link SeekableSource}, so that
 * libavformat reads local files, HDFS and S3 alike. An exception from the source ends the read with an I/O error
 * in FFmpeg and is kept in {@link #failure()} for the caller to report.
 *
 * <p>The two native callbacks are static singletons shared by every bridge: JavaCPP backs each callback class
 * with a small fixed pool of native thunks, so one instance per stream would cap the number of open streams.
 * The callbacks find their bridge through the {@code opaque} pointer, whose address keys {@link #OPEN}.
 */
final class AvioBridge implements Closeable {

    private static final int BUFFER_BYTES = 64 * 1024;
    private static final int SEEK_SET = 0;
    private static final int SEEK_CUR = 1;
    private static final int SEEK_END = 2;

    private static final Map<Long, AvioBridge> OPEN = new ConcurrentHashMap<>();
    private static final ReadCallback READ = new ReadCallback();
    private static final SeekCallback SEEK = new SeekCallback();

    private final SeekableSource source;
    private final byte[] scratch = new byte[BUFFER_BYTES];
    private Pointer opaque;
    private AVIOContext context;
    private long position;
    private long bytesRead;
    private IOException failure;

    /**
     * @param seekable whether FFmpeg may seek (false for a {@link ForwardOnlySource})
     */
    AvioBridge(SeekableSource source, boolean seekable) {
        this.source = source;
        opaque = av_malloc(1);
        Pointer buffer = av_malloc(BUFFER_BYTES);
        if (opaque == null || opaque.isNull() || buffer == null || buffer.isNull()) {
            av_free(buffer);
            av_free(opaque);
            throw new OutOfMemoryError("av_malloc failed for an AVIO buffer");
        }
        OPEN.put(opaque.address(), this);
        context = avio_alloc_context(new BytePointer(buffer), BUFFER_BYTES, 0, opaque, READ,
                (Write_packet_Pointer_BytePointer_int) null, seekable ? SEEK : null);
        if (context == null || context.isNull()) {
            OPEN.remove(opaque.address());
            av_free(buffer);
            av_free(opaque);
            throw new OutOfMemoryError("avio_alloc_context failed");
        }
    }

    /** How many bridges are open in this JVM (each one holds native memory until closed). */
    static int openCount() {
        return OPEN.size();
    }

    AVIOContext context() {
        return context;
    }

    /** The source's exception that made a read or seek fail, or null. */
    IOException failure() {
        return failure;
    }

    /** How many bytes the source has handed to FFmpeg so far. */
    long bytesRead() {
        return bytesRead;
    }

    private int read(BytePointer target, int size) {
        if (Thread.currentThread().isInterrupted()) {
            // A per-file time limit ran out: make FFmpeg give up at its next read instead of decoding on.
            failure = new java.io.InterruptedIOException("decoding interrupted");
            return avutil.AVERROR_EIO();
        }
        try {
            int n = source.read(position, scratch, 0, Math.min(size, scratch.length));
            if (n <= 0) {
                return AVERROR_EOF;
            }
            target.position(0).put(scratch, 0, n);
            position += n;
            bytesRead += n;
            return n;
        } catch (IOException e) {
            failure = e;
        } catch (RuntimeException e) {
            failure = new IOException(e);
        }
        return avutil.AVERROR_EIO();
    }

    private long seek(long offset, int whence) {
        try {
            int how = whence & ~AVSEEK_FORCE;
            if (how == AVSEEK_SIZE) {
                long length = source.length();
                return length >= 0 ? length : avutil.AVERROR_ENOSYS();
            }
            long target;
            if (how == SEEK_SET) {
                target = offset;
            } else if (how == SEEK_CUR) {
                target = position + offset;
            } else if (how == SEEK_END) {
                long length = source.length();
                if (length < 0) {
                    return avutil.AVERROR_ENOSYS();
                }
                target = length + offset;
            } else {
                return avutil.AVERROR_EINVAL();
            }
            if (target < 0) {
                return avutil.AVERROR_EINVAL();
            }
            position = target;
            return target;
        } catch (IOException e) {
            failure = e;
        } catch (RuntimeException e) {
            failure = new IOException(e);
        }
        return avutil.AVERROR_EIO();
    }

    /** Frees the AVIO context and its buffer; the source stays open (its owner closes it). */
    @Override
    public void close() {
        if (context == null) {
            return;
        }
        OPEN.remove(opaque.address());
        // libavformat may have replaced the buffer it was given, so free the one the context holds now.
        av_free(context.buffer());
        context.buffer(null);
        avio_context_free(context);
        av_free(opaque);
        context = null;
        opaque = null;
    }

    private static final class ReadCallback extends Read_packet_Pointer_BytePointer_int {
        @Override
        public int call(Pointer opaque, BytePointer buffer, int size) {
            AvioBridge bridge = OPEN.get(opaque.address());
            return bridge == null ? avutil.AVERROR_EIO() : bridge.read(buffer, size);
        }
    }

    private static final class SeekCallback extends Seek_Pointer_long_int {
        @Override
        public long call(Pointer opaque, long offset, int whence) {
            AvioBridge bridge = OPEN.get(opaque.address());
            return bridge == null ? avutil.AVERROR_EIO() : bridge.seek(offset, whence);
        }
    }
}
