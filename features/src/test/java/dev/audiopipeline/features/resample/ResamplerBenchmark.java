package dev.audiopipeline.features.resample;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Speed of {@link StreamingResampler} on one thread, on the signal files {@code bench/resample_peer.py generate}
 * writes ({@code DIR/RATE.f32}, float32 little-endian): each converted to 22050 Hz, fed in 8192-sample chunks,
 * best of 5 after 2 warm-up runs. Prints {@code ours RATE BEST_MS OUTPUTS} per rate. A plain main, not a test;
 * {@code bench/resample-benchmark.sh} runs it beside python-soxr. Arguments: {@code DIR RES_TYPE RATE...}.
 */
public final class ResamplerBenchmark {

    private ResamplerBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        ResampleType type = ResampleType.fromLibrosaName(args[1]);
        for (int i = 2; i < args.length; i++) {
            int rate = Integer.parseInt(args[i]);
            float[] x = read(folder.resolve(rate + ".f32"));
            double best = Double.MAX_VALUE;
            long outputs = 0;
            for (int run = 0; run < 7; run++) {
                long[] count = {0};
                SampleSink sink = (samples, offset, length) -> count[0] += length;
                long start = System.nanoTime();
                StreamingResampler resampler = new StreamingResampler(rate, 22050, type);
                for (int at = 0; at < x.length; at += 8192) {
                    resampler.process(x, at, Math.min(8192, x.length - at), sink);
                }
                resampler.finish(sink);
                double ms = (System.nanoTime() - start) / 1e6;
                outputs = count[0];
                if (run >= 2) {
                    best = Math.min(best, ms);
                }
            }
            System.out.printf(java.util.Locale.ROOT, "ours %d %.2f %d%n", rate, best, outputs);
        }
    }

    static float[] read(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] x = new float[bytes.remaining() / 4];
        bytes.asFloatBuffer().get(x);
        return x;
    }
}
