package dev.audiopipeline.pipeline.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.pipeline.rejection.RejectionReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;

class FfmpegDecoderResourcesTest {

    private static final Fixture[] MIX = {Fixture.FLAC_STEREO_44100, Fixture.MP3_STEREO_44100,
        Fixture.VORBIS_STEREO_44100, Fixture.OPUS_MONO_48000, Fixture.AAC_M4A_STEREO_44100, Fixture.AU_MONO_22050};

    @Test
    void openingAndClosing500StreamsDoesNotLeak() throws IOException {
        byte[] text = "not audio at all\n".repeat(100).getBytes(StandardCharsets.UTF_8);
        Path file = Files.createTempFile(dev.audiopipeline.pipeline.testing.TestScratch.root(), "leak-", ".flac");
        Files.write(file, Fixture.FLAC_MONO_22050.bytes());
        try {
            cycle(100, text, file); // warm-up: JIT, FFmpeg's static tables, JavaCPP's own caches
            long javacppBefore = Pointer.totalBytes();
            long descriptorsBefore = openDescriptors();
            // 500 more rounds in batches. Resident memory is noisy (malloc arenas, GC), but a leak grows in every
            // batch: one leaked decoder costs 100+ KiB, 125 rounds of three streams 35+ MiB.
            long smallestGrowth = Long.MAX_VALUE;
            for (int batch = 0; batch < 4; batch++) {
                long before = residentOutsideHeap();
                cycle(125, text, file);
                smallestGrowth = Math.min(smallestGrowth, residentOutsideHeap() - before);
            }
            assertThat(AvioBridge.openCount()).as("AVIO contexts still open").isZero();
            assertThat(smallestGrowth).as("smallest growth of resident bytes outside the heap in a batch")
                    .isLessThan(12L << 20);
            assertThat(Pointer.totalBytes() - javacppBefore).as("JavaCPP-allocated bytes grown").isLessThan(1L << 20);
            assertThat(openDescriptors() - descriptorsBefore).as("open file descriptors grown").isLessThan(10);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Each round: a file decoded partly, a byte array decoded whole, and an input that fails to open. */
    private static void cycle(int rounds, byte[] text, Path file) throws IOException {
        float[] buffer = new float[4096 * 2];
        for (int i = 0; i < rounds; i++) {
            try (AudioStream stream = AudioDecoders.open(FileSource.open(file), file.toString())) {
                assertThat(stream.read(buffer, 4096)).isPositive();
            }
            Fixture fixture = MIX[i % MIX.length];
            try (AudioStream stream = AudioDecoders.open(new ByteArraySource(fixture.bytes()), fixture.fileName())) {
                assertThat(TestTones.decodeAll(stream)[0]).isNotEmpty();
            }
            try (AudioStream stream = AudioDecoders.open(new ByteArraySource(text), "text.mp3")) {
                throw new AssertionError("text decoded as " + stream.info());
            } catch (AudioDecodeException expected) {
                assertThat(expected.reason()).isEqualTo(RejectionReason.UNSUPPORTED_FORMAT);
            }
        }
    }

    /** The process's resident memory less the committed Java heap: native allocations, mostly. */
    private static long residentOutsideHeap() {
        System.gc();
        return Pointer.physicalBytes() - Runtime.getRuntime().totalMemory();
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return descriptors.count();
        }
    }

    @Test
    void fourThreadsDecodeWhatOneThreadDecodes() throws Exception {
        List<float[][]> alone = new ArrayList<>();
        for (Fixture fixture : MIX) {
            alone.add(FfmpegDecoderFormatsTest.decode(fixture));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[][]>> results = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (Fixture fixture : MIX) {
                    results.add(pool.submit(() -> FfmpegDecoderFormatsTest.decode(fixture)));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).as(MIX[i % MIX.length].name()).isDeepEqualTo(alone.get(i % MIX.length));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
