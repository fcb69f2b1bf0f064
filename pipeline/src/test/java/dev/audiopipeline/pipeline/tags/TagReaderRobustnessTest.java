package dev.audiopipeline.pipeline.tags;

import static dev.audiopipeline.pipeline.tags.TaggedAudio.encode;
import static dev.audiopipeline.pipeline.tags.TaggedAudio.encodeStreamTags;
import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.pipeline.decode.ByteArraySource;
import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Tagged files of every format broken in the places tags live (cut anywhere, bytes flipped in the first and last
 * kilobytes, size fields set to absurd values, garbage spliced in): reading their tags never throws, never takes
 * long, and never leaves a temporary copy behind.
 */
class TagReaderRobustnessTest {

    private static final int MUTATIONS_PER_SEED = 120;
    private static final long TIME_LIMIT_SECONDS = 10;
    private static final ExecutorService READER = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "robustness-tags");
        thread.setDaemon(true);
        return thread;
    });

    @AfterAll
    static void stop() {
        READER.shutdownNow();
    }

    @Test
    void everyBrokenFileGivesTagsOrNoneWithAReason() throws Exception {
        Path scratch = TestScratch.newDirectory("tags-robustness");
        TagReader reader = new TagReader(scratch, 1024 * 1024);
        Random random = new Random(20261123);
        List<String> problems = new ArrayList<>();
        int found = 0;
        int cases = 0;
        long slowestNanos = 0;
        String slowest = "";
        for (Map.Entry<String, byte[]> seed : seeds().entrySet()) {
            for (int i = 0; i < MUTATIONS_PER_SEED; i++) {
                byte[] bytes = mutate(seed.getValue(), i, random);
                String name = seed.getKey() + " #" + i;
                cases++;
                long start = System.nanoTime();
                Future<ExistingTags> outcome = READER.submit(() -> reader.read(new ByteArraySource(bytes), name));
                try {
                    ExistingTags tags = outcome.get(TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
                    if (tags.found()) {
                        found++;
                    } else if (tags.detail() == null || !tags.detail().contains(name)) {
                        problems.add(name + ": no reason naming the file: " + tags.detail());
                    }
                } catch (TimeoutException e) {
                    outcome.cancel(true);
                    throw new AssertionError(name + ": no result within " + TIME_LIMIT_SECONDS + " s (hang)");
                } catch (java.util.concurrent.ExecutionException e) {
                    problems.add(name + ": " + e.getCause());
                }
                if (System.nanoTime() - start > slowestNanos) {
                    slowestNanos = System.nanoTime() - start;
                    slowest = name;
                }
            }
        }
        System.out.printf("tag robustness: %d broken files, %d with genres, slowest %.1f ms (%s)%n", cases, found,
                slowestNanos / 1e6, slowest);
        assertThat(problems).isEmpty();
        assertThat(found).isPositive().isLessThan(cases);
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).as("temporary copies left behind").isEmpty();
        }
    }

    private static Map<String, byte[]> seeds() throws IOException {
        Map<String, List<String>> genre = Map.of("genre", List.of("Rock/Pop"));
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("v23.mp3", encode("mp3", "libmp3lame", Map.of("id3v2_version", "3", "write_id3v1", "1"), genre));
        seeds.put("v24.mp3", encode("mp3", "libmp3lame", Map.of("id3v2_version", "4"), genre));
        seeds.put("a.flac", encode("flac", "flac", Map.of(), genre));
        seeds.put("a.ogg", encodeStreamTags("ogg", "vorbis", genre));
        seeds.put("end.m4a", encode("ipod", "aac", Map.of(), genre));
        seeds.put("start.m4a", encode("ipod", "aac", Map.of("movflags", "+faststart"), genre));
        seeds.put("a.wav", encode("wav", "pcm_s16le", Map.of(), genre));
        seeds.put("late.wav", RiffFiles.wavWithInfoAfterData(200_000, "Disco", 300_000));
        seeds.put("a.aiff", encode("aiff", "pcm_s16be", Map.of("write_id3v2", "1"), genre));
        return seeds;
    }

    /** One of six ways, in turn, to break a file where its tags are. */
    private static byte[] mutate(byte[] valid, int index, Random random) {
        byte[] bytes = valid.clone();
        switch (index % 6) {
            case 0 -> bytes = Arrays.copyOf(valid, random.nextInt(valid.length));
            case 1 -> bytes = Arrays.copyOf(valid, random.nextInt(Math.min(valid.length, 1024)));
            case 2 -> flip(bytes, 0, Math.min(bytes.length, 4096), random);
            case 3 -> flip(bytes, Math.max(0, bytes.length - 1024), bytes.length, random);
            case 4 -> {
                // A size field set to 0, 1, 7, or 2^31 - 1 / 2^32 - 1: ID3 sizes, box, chunk, page and block sizes.
                int[] values = {0, 1, 7, 0x7FFFFFFF, 0xFFFFFFFF, 0x7F7F7F7F};
                int offset = random.nextInt(Math.max(1, Math.min(bytes.length, 256) - 4));
                ByteBuffer.wrap(bytes).order(random.nextBoolean() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN)
                        .putInt(offset, values[random.nextInt(values.length)]);
            }
            default -> {
                int at = random.nextInt(Math.min(valid.length, 2048));
                byte[] garbage = new byte[1 + random.nextInt(4096)];
                random.nextBytes(garbage);
                bytes = new byte[valid.length + garbage.length];
                System.arraycopy(valid, 0, bytes, 0, at);
                System.arraycopy(garbage, 0, bytes, at, garbage.length);
                System.arraycopy(valid, at, bytes, at + garbage.length, valid.length - at);
            }
        }
        return bytes;
    }

    private static void flip(byte[] bytes, int from, int to, Random random) {
        int flips = 1 + random.nextInt(16);
        for (int i = 0; i < flips && to > from; i++) {
            bytes[from + random.nextInt(to - from)] ^= (byte) (1 + random.nextInt(255));
        }
    }
}
