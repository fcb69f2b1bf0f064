package dev.audiopipeline.pipeline.tags;

import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A local file holding only the bytes a {@link TagCopyPlan} names, for jaudiotagger, which reads
 * {@code java.io.File}s only. {@link TagContainer.Layout#SPARSE SPARSE} copies keep every byte at its offset and
 * the file's length, with holes (no disk blocks on Linux filesystems) in between; {@code COMPACT} copies put the
 * ranges one after the other. The source file is only read; {@link #close()} deletes the copy.
 */
final class LocalTagCopy implements Closeable {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path path;

    private LocalTagCopy(Path path) {
        this.path = path;
    }

    /** Copies the planned bytes of {@code in} into a new file under {@code directory}. */
    static LocalTagCopy write(TagCopyPlan plan, SourceBytes in, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path path = Files.createTempFile(directory, "audio-pipeline-tags-", "." + plan.container().extension);
        LocalTagCopy copy = new LocalTagCopy(path);
        try (RandomAccessFile out = new RandomAccessFile(path.toFile(), "rw")) {
            byte[] buffer = new byte[BUFFER_BYTES];
            boolean sparse = plan.container().layout == TagContainer.Layout.SPARSE;
            long written = 0;
            for (ByteRange range : plan.ranges()) {
                out.seek(sparse ? range.start() : written);
                long at = range.start();
                if (at < plan.head().length) {
                    int count = (int) Math.min(plan.head().length, range.end()) - (int) at;
                    out.write(plan.head(), (int) at, count);
                    at += count;
                    written += count;
                }
                while (at < range.end()) {
                    int count = in.fill(at, buffer, 0, (int) Math.min(buffer.length, range.end() - at));
                    if (count == 0) {
                        break; // the source is shorter than its length said
                    }
                    out.write(buffer, 0, count);
                    at += count;
                    written += count;
                }
            }
            if (sparse) {
                out.setLength(plan.length());
            }
        } catch (IOException | RuntimeException e) {
            copy.close();
            throw e;
        }
        return copy;
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(path);
    }
}
