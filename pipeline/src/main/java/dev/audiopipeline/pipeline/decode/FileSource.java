package dev.audiopipeline.pipeline.decode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A local file read by position through a {@link FileChannel}. */
public final class FileSource implements SeekableSource {

    private final FileChannel channel;

    private FileSource(FileChannel channel) {
        this.channel = channel;
    }

    /** Opens {@code path} for reading; the caller (or the stream it is handed to) closes it. */
    public static FileSource open(Path path) throws IOException {
        return new FileSource(FileChannel.open(path, StandardOpenOption.READ));
    }

    @Override
    public long length() throws IOException {
        return channel.size();
    }

    @Override
    public int read(long position, byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        ByteBuffer target = ByteBuffer.wrap(buffer, offset, length);
        int total = 0;
        // A positional FileChannel read may return fewer bytes than asked; fill what the file has.
        while (target.hasRemaining()) {
            int n = channel.read(target, position + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total == 0 ? -1 : total;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
