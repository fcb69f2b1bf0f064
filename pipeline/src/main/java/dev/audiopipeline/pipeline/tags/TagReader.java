package dev.audiopipeline.pipeline.tags;

import dev.audiopipeline.pipeline.decode.SeekableSource;
import java.io.IOException;
import java.io.Serializable;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.audio.ogg.OggVorbisTagReader;

/**
 * Reads the genre a file carries with jaudiotagger, from any {@link SeekableSource} (a local file, HDFS, S3):
 * jaudiotagger reads {@code java.io.File}s only, so the bytes that hold the tags ({@link TagCopyPlan}) are copied
 * to a temporary file under the scratch directory, read, and deleted. The source is never written, nor closed.
 *
 * <p>Never throws: a file whose tags cannot be read (a format jaudiotagger does not read, such as Opus; a broken
 * tag; tags larger than the limit; an I/O error) gives {@link ExistingTags#none} with the reason, and FFmpeg's
 * metadata can then be tried ({@link FfmpegTags}). Thread-safe; one instance can serve every task of an executor,
 * and it is serializable, so a job can build it on the driver and ship it in its closures.
 */
public final class TagReader implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The tag bytes read per file at most by default: more than any cover art a tagger embeds. */
    public static final long DEFAULT_MAX_TAG_BYTES = 16L * 1024 * 1024;

    /** jaudiotagger logs every oddity of every file at INFO/WARNING; held here so the level is not lost to GC. */
    private static final Logger JAUDIOTAGGER_LOG = Logger.getLogger("org.jaudiotagger");

    static {
        JAUDIOTAGGER_LOG.setLevel(Level.OFF);
    }

    /** The scratch directory, or null for the {@code java.io.tmpdir} of the JVM that reads. */
    private final String scratch;
    private final long maxTagBytes;

    /**
     * @param scratch where the temporary copies go (created if missing), on every machine that reads; it must be
     *     on a filesystem with sparse files (ext4, xfs, btrfs, tmpfs: every Linux default)
     * @param maxTagBytes the most bytes read for one file's tags
     */
    public TagReader(Path scratch, long maxTagBytes) {
        this(scratch.toString(), maxTagBytes);
    }

    private TagReader(String scratch, long maxTagBytes) {
        if (maxTagBytes < TagCopyPlan.HEAD_BYTES + TagCopyPlan.TAIL_BYTES) {
            throw new IllegalArgumentException("maxTagBytes must be at least "
                    + (TagCopyPlan.HEAD_BYTES + TagCopyPlan.TAIL_BYTES) + ", got " + maxTagBytes);
        }
        this.scratch = scratch;
        this.maxTagBytes = maxTagBytes;
    }

    /**
     * Copies under the {@code java.io.tmpdir} of the JVM that reads (on a Spark executor, the one its launcher
     * set), at most {@link #DEFAULT_MAX_TAG_BYTES} per file.
     */
    public static TagReader inTempDirectory() {
        return new TagReader((String) null, DEFAULT_MAX_TAG_BYTES);
    }

    /**
     * The genres {@code source} carries. Reads only the tag-bearing bytes, from the source's current content.
     *
     * @param name the path or URI, for the detail of what went wrong
     */
    public ExistingTags read(SeekableSource source, String name) {
        try {
            SourceBytes in = new SourceBytes(source);
            TagCopyPlan plan = TagCopyPlan.plan(in, maxTagBytes);
            Path directory = Path.of(scratch != null ? scratch : System.getProperty("java.io.tmpdir"));
            try (LocalTagCopy copy = LocalTagCopy.write(plan, in, directory)) {
                ExistingTags tags = readCopy(plan.container(), copy.path());
                return tags.found() ? tags : ExistingTags.none(name + ": " + tags.detail());
            }
        } catch (UnreadableTagsException e) {
            return ExistingTags.none(name + ": " + e.getMessage());
        } catch (IOException e) {
            return ExistingTags.none(name + ": tags unreadable: " + e);
        } catch (Exception | StackOverflowError e) {
            // jaudiotagger's CannotReadException, TagException, ... and runtime exceptions on broken tags.
            return ExistingTags.none(name + ": jaudiotagger: " + e);
        }
    }

    /**
     * Ogg Vorbis through its comment reader alone: {@code AudioFileIO} would also look for the last page, a byte at
     * a time backwards from the end (7 ms a file here, and the whole copy when the end is damaged).
     */
    private static ExistingTags readCopy(TagContainer container, Path copy) throws Exception {
        if (container == TagContainer.OGG_VORBIS) {
            try (RandomAccessFile file = new RandomAccessFile(copy.toFile(), "r")) {
                return JaudiotaggerGenres.of(new OggVorbisTagReader().read(file));
            }
        }
        return JaudiotaggerGenres.of(AudioFileIO.read(copy.toFile()));
    }
}
