package dev.audiopipeline.pipeline.tags;

import dev.audiopipeline.pipeline.decode.FileSource;
import dev.audiopipeline.pipeline.decode.SeekableSource;
import dev.audiopipeline.pipeline.source.HadoopFileSource;
import dev.audiopipeline.pipeline.testing.MiniHdfs;
import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.jaudiotagger.audio.AudioFileIO;

/**
 * What reading a file's tags costs, per file, from the local disk and from HDFS (a MiniDFSCluster on this
 * machine): three-minute 44.1 kHz stereo files of each format, read {@value #ROUNDS} times each after a warm-up;
 * the median and 90th percentile, the bytes read from the source; for comparison, opening the file and reading its
 * first 64 KiB (what decoding pays anyway) and reading the tags from a full local copy of the file instead of the
 * tag-bearing bytes. Not a test; run it after the tests have compiled:
 *
 * <pre>
 * mvn -o -B -q -pl pipeline -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * cd pipeline &amp;&amp; java -Daudiopipeline.test.scratch=target/test-scratch -Dorg.bytedeco.javacpp.cachedir=target/test-scratch/javacpp \
 *     -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.audiopipeline.pipeline.tags.TagReadBenchmark
 * </pre>
 */
public final class TagReadBenchmark {

    private static final int ROUNDS = 40;
    private static final int WARM_UP = 20;

    private TagReadBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, byte[]> files = files();
        Path scratch = TestScratch.newDirectory("tag-bench");
        TagReader reader = new TagReader(scratch, TagReader.DEFAULT_MAX_TAG_BYTES);
        Path local = TestScratch.newDirectory("tag-bench-files");
        MiniDFSCluster cluster = MiniHdfs.start("tag-bench-hdfs");
        try {
            Configuration conf = cluster.getConfiguration(0);
            System.out.printf("%-22s %9s | %-6s %17s %10s | %11s %11s%n", "file", "size", "from", "tags median/p90",
                    "bytes read", "open+64K", "full copy");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path path = Files.write(local.resolve(file.getKey()), file.getValue());
                String uri = MiniHdfs.uri(cluster) + "/bench/" + file.getKey();
                org.apache.hadoop.fs.Path hadoopPath = new org.apache.hadoop.fs.Path(uri);
                try (OutputStream out = hadoopPath.getFileSystem(conf).create(hadoopPath)) {
                    out.write(file.getValue());
                }
                long size = file.getValue().length;
                report(file.getKey(), size, "local", () -> FileSource.open(path), reader, scratch);
                report(file.getKey(), size, "hdfs", () -> HadoopFileSource.open(conf, uri, size), reader, scratch);
            }
        } finally {
            cluster.shutdown();
        }
    }

    private interface Opener {
        SeekableSource open() throws IOException;
    }

    private static void report(String name, long size, String from, Opener opener, TagReader reader, Path scratch)
            throws Exception {
        long[] tags = new long[ROUNDS];
        long[] full = new long[ROUNDS];
        long[] open = new long[ROUNDS];
        long bytesRead = 0;
        String found = "";
        for (int round = -WARM_UP; round < ROUNDS; round++) {
            long start = System.nanoTime();
            try (CountingSource source = new CountingSource(opener.open())) {
                ExistingTags result = reader.read(source, name);
                found = result.found() ? result.source().code() + " " + result.names() : result.detail();
                bytesRead = source.bytesRead();
            }
            long middle = System.nanoTime();
            try (SeekableSource source = opener.open()) {
                fullCopyRead(source, scratch);
            }
            long copied = System.nanoTime();
            try (SeekableSource source = opener.open()) {
                new SourceBytes(source).read(0, TagCopyPlan.HEAD_BYTES);
            }
            long end = System.nanoTime();
            if (round >= 0) {
                tags[round] = middle - start;
                full[round] = copied - middle;
                open[round] = end - copied;
            }
        }
        System.out.printf("%-22s %9d | %-6s %6.2f/%6.2f ms %10d | %8.2f ms %8.2f ms  %s%n", name, size, from,
                median(tags), p90(tags), bytesRead, median(open), median(full), found);
    }

    /** The alternative: the whole file copied locally, then read by jaudiotagger. */
    private static void fullCopyRead(SeekableSource source, Path scratch) throws Exception {
        SourceBytes in = new SourceBytes(source);
        TagCopyPlan plan = TagCopyPlan.plan(in, Long.MAX_VALUE);
        Path copy = Files.createTempFile(scratch, "full-", "." + plan.container().extension);
        try {
            byte[] buffer = new byte[1 << 16];
            try (RandomAccessFile out = new RandomAccessFile(copy.toFile(), "rw")) {
                for (long at = 0; at < in.length(); ) {
                    int n = in.fill(at, buffer, 0, (int) Math.min(buffer.length, in.length() - at));
                    out.write(buffer, 0, n);
                    at += n;
                }
            }
            JaudiotaggerGenres.of(AudioFileIO.read(copy.toFile()));
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private static Map<String, byte[]> files() throws IOException {
        Map<String, List<String>> tags = Map.of("genre", List.of("Hip-Hop"), "comment", List.of("x".repeat(100_000)));
        Map<String, List<String>> genre = Map.of("genre", List.of("Hip-Hop"));
        int seconds = 180;
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("id3v24.mp3", TaggedAudio.encode("mp3", "libmp3lame", Map.of("id3v2_version", "4"), genre, seconds));
        files.put("id3v24-100k-tag.mp3", TaggedAudio.encode("mp3", "libmp3lame", Map.of(), tags, seconds));
        files.put("a.flac", TaggedAudio.encode("flac", "flac", Map.of(), genre, seconds));
        files.put("a.ogg", TaggedAudio.encodeStreamTags("ogg", "vorbis", genre, seconds));
        files.put("moov-at-end.m4a", TaggedAudio.encode("ipod", "aac", Map.of(), genre, seconds));
        files.put("info.wav", TaggedAudio.encode("wav", "pcm_s16le", Map.of(), genre, seconds));
        files.put("id3-after-ssnd.aiff", TaggedAudio.encode("aiff", "pcm_s16be", Map.of("write_id3v2", "1"), genre,
                seconds));
        return files;
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    private static double p90(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) (sorted.length * 0.9)] / 1e6;
    }
}
