package dev.audiopipeline.pipeline.resample;

import java.util.Random;

/**
 * Throughput of {@link StreamingResampler} on one core, as a multiple of realtime. A plain main, not a unit test
 * (timings are not assertions). Run after {@code mvn -pl pipeline -am test-compile}:
 *
 * <pre>java -cp pipeline/target/classes:pipeline/target/test-classes \
 *     dev.audiopipeline.pipeline.resample.ResamplerBenchmark [seconds-of-audio] [in:out ...]</pre>
 *
 * <p>Defaults: 600 s of white noise per pair, fed in 4096-sample chunks, best of 5 runs after 2 warm-up runs.
 */
public final class ResamplerBenchmark {

    private ResamplerBenchmark() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 600;
        String[] pairs = args.length > 1
                ? java.util.Arrays.copyOfRange(args, 1, args.length)
                : new String[] {"44100:22050", "48000:22050", "16000:22050", "96000:22050", "22050:22051"};
        System.out.printf("java %s, %s%n", System.getProperty("java.version"), System.getProperty("os.arch"));
        for (String pair : pairs) {
            String[] parts = pair.split(":");
            run(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), seconds);
        }
    }

    private static void run(int in, int out, double seconds) {
        float[] chunk = new float[4096];
        Random random = new Random(1);
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (float) (random.nextGaussian() * 0.1);
        }
        long samples = (long) (seconds * in);
        PolyphaseFilterBank bank = PolyphaseFilterBank.forRatio(new RateRatio(in, out));
        double best = Double.MAX_VALUE;
        long produced = 0;
        for (int run = 0; run < 7; run++) {
            long[] count = {0};
            SampleSink sink = (buf, off, len) -> count[0] += len;
            long t0 = System.nanoTime();
            StreamingResampler resampler = new StreamingResampler(in, out);
            for (long done = 0; done < samples; done += chunk.length) {
                resampler.process(chunk, 0, (int) Math.min(chunk.length, samples - done), sink);
            }
            resampler.finish(sink);
            double elapsed = (System.nanoTime() - t0) / 1e9;
            produced = count[0];
            if (run >= 2) {
                best = Math.min(best, elapsed);
            }
        }
        System.out.printf("%6d -> %6d Hz: %.0f s of audio in %.2f s = %.0fx realtime (%d taps%s, %d outputs)%n",
                in, out, seconds, best, seconds / best, bank.taps(),
                bank.isInterpolated() ? ", interpolated " + (bank.rows() - 1) + " phases" : "", produced);
    }
}
