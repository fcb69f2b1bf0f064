package dev.audiopipeline.pipeline.bench;

import dev.audiopipeline.pipeline.audio.SegmentedAudioReader;
import dev.audiopipeline.pipeline.decode.AudioDecoders;
import dev.audiopipeline.pipeline.decode.AudioStream;
import dev.audiopipeline.pipeline.segment.SegmentSettings;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peak heap while streaming long 44.1 kHz stereo 16-bit WAV files through decode, downmix, resampling to
 * 22050 Hz and 3-s segmentation (no cap), for 10, 30 and 60 minutes: the peak must not grow with the length.
 * Not a test; run it with a small heap to make the point:
 *
 * <pre>
 * mvn -B -q -pl pipeline -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx64m -cp pipeline/target/test-classes:pipeline/target/classes:$(cat pipeline/target/cp.txt) \
 *     dev.audiopipeline.pipeline.bench.SegmentationMemoryBenchmark /tmp/long-wavs
 * </pre>
 */
public final class SegmentationMemoryBenchmark {

    private SegmentationMemoryBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/long-wavs"));
        System.out.printf("max heap %d MB%n", Runtime.getRuntime().maxMemory() >> 20);
        for (int minutes : new int[] {10, 30, 60}) {
            Path wav = dir.resolve(minutes + "min.wav");
            if (!Files.exists(wav)) {
                writeStereoWav(wav, minutes * 60 * 44100);
            }
            System.gc();
            resetPeaks();
            long start = System.nanoTime();
            AtomicLong segments = new AtomicLong();
            try (InputStream in = Files.newInputStream(wav); AudioStream stream = AudioDecoders.open(in, wav.toString())) {
                new SegmentedAudioReader(22050, new SegmentSettings(3, 3, SegmentSettings.TailPolicy.DROP, 0.5, 0))
                        .read(stream, wav.toString(), segment -> segments.incrementAndGet());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%2d min (%4d MB file): %5d segments, peak heap %5.1f MB, %5.1f s (%.0fx realtime)%n",
                    minutes, Files.size(wav) >> 20, segments.get(), peakHeapMb(), seconds, minutes * 60 / seconds);
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peaks since the last reset (an upper bound of the peak heap). */
    private static double peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024.0 * 1024.0);
    }

    /** A 440/660 Hz stereo tone, written a block at a time. */
    private static void writeStereoWav(Path file, long frames) throws IOException {
        long dataBytes = frames * 4;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
            header.put("RIFF".getBytes()).putInt((int) (36 + dataBytes)).put("WAVE".getBytes())
                    .put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 2).putInt(44100)
                    .putInt(44100 * 4).putShort((short) 4).putShort((short) 16)
                    .put("data".getBytes()).putInt((int) dataBytes);
            out.write(header.array());
            ByteBuffer block = ByteBuffer.allocate(4 * 44100).order(ByteOrder.LITTLE_ENDIAN);
            for (long i = 0; i < frames; i++) {
                double t = i / 44100.0;
                block.putShort((short) (10000 * Math.sin(2 * Math.PI * 440 * t)));
                block.putShort((short) (10000 * Math.sin(2 * Math.PI * 660 * t)));
                if (!block.hasRemaining()) {
                    out.write(block.array(), 0, block.position());
                    block.clear();
                }
            }
            out.write(block.array(), 0, block.position());
        }
    }
}
