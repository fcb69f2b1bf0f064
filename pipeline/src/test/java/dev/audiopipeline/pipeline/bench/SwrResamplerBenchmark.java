package dev.audiopipeline.pipeline.bench;

import static org.bytedeco.ffmpeg.global.avutil.AV_CH_LAYOUT_MONO;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set_double;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set_int;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set_sample_fmt;
import static org.bytedeco.ffmpeg.global.swresample.SWR_FILTER_TYPE_KAISER;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * FFmpeg's libswresample (in the product's JavaCPP build) at settings equivalent to soxr HQ, measured for the
 * resampler decision of issue 14: speed on {@code bench/resample_peer.py}'s signal files, and the sweep and
 * stop-band measurements of {@code StreamingResamplerQualityTest}. A plain main, not a test.
 *
 * <p>Settings: Kaiser window, {@code kaiser_beta} 13 (Kaiser's beta for ~126 dB), {@code cutoff} 0.975 (the -6 dB
 * point in the middle of soxr's 0.95 .. 1.0 transition band), {@code filter_size} 321 (Kaiser's length for that
 * transition at 126 dB: 329 output samples, times the cutoff), {@code phase_shift} 10 (1024 phases: every
 * ratio here is exact), {@code exact_rational} on, {@code linear_interp} off. libswresample's output is delayed
 * by its filter; the quality figures are taken at the best alignment.
 *
 * <p>Arguments: {@code time DIR RATE...} (prints {@code swr RATE BEST_MS OUTPUTS}) or {@code quality}.
 */
public final class SwrResamplerBenchmark {

    private SwrResamplerBenchmark() {
    }

    static float[] resample(float[] x, int in, int out) {
        SwrContext swr = swr_alloc();
        av_opt_set_int(swr, "in_channel_layout", AV_CH_LAYOUT_MONO, 0);
        av_opt_set_int(swr, "out_channel_layout", AV_CH_LAYOUT_MONO, 0);
        av_opt_set_int(swr, "in_sample_rate", in, 0);
        av_opt_set_int(swr, "out_sample_rate", out, 0);
        av_opt_set_sample_fmt(swr, "in_sample_fmt", AV_SAMPLE_FMT_FLT, 0);
        av_opt_set_sample_fmt(swr, "out_sample_fmt", AV_SAMPLE_FMT_FLT, 0);
        av_opt_set_int(swr, "filter_type", SWR_FILTER_TYPE_KAISER, 0);
        av_opt_set_double(swr, "kaiser_beta", 13, 0);
        av_opt_set_double(swr, "cutoff", 0.975, 0);
        av_opt_set_int(swr, "filter_size", 321, 0);
        av_opt_set_int(swr, "phase_shift", 10, 0);
        av_opt_set_int(swr, "exact_rational", 1, 0);
        av_opt_set_int(swr, "linear_interp", 0, 0);
        if (swr_init(swr) < 0) {
            throw new IllegalStateException("swr_init failed");
        }
        int chunk = 8192;
        int capacity = (int) ((long) chunk * out / in) + 8192;
        float[] result = new float[(int) ((long) x.length * out / in) + 2 * capacity];
        int produced = 0;
        try (FloatPointer inBuffer = new FloatPointer(chunk); FloatPointer outBuffer = new FloatPointer(capacity);
             PointerPointer<Pointer> inPlanes = new PointerPointer<>(1);
             PointerPointer<Pointer> outPlanes = new PointerPointer<>(1)) {
            inPlanes.put(0, inBuffer);
            outPlanes.put(0, outBuffer);
            for (int at = 0; at < x.length; at += chunk) {
                int n = Math.min(chunk, x.length - at);
                inBuffer.position(0).put(x, at, n);
                int got = swr_convert(swr, outPlanes, capacity, inPlanes, n);
                outBuffer.position(0).get(result, produced, got);
                produced += got;
            }
            int got;
            while ((got = swr_convert(swr, outPlanes, capacity, (PointerPointer<?>) null, 0)) > 0) {
                outBuffer.position(0).get(result, produced, got);
                produced += got;
            }
        } finally {
            swr_free(swr);
        }
        return Arrays.copyOf(result, produced);
    }

    public static void main(String[] args) throws IOException {
        if (args[0].equals("time")) {
            for (int i = 2; i < args.length; i++) {
                int rate = Integer.parseInt(args[i]);
                ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(Path.of(args[1], rate + ".f32")))
                        .order(ByteOrder.LITTLE_ENDIAN);
                float[] x = new float[bytes.remaining() / 4];
                bytes.asFloatBuffer().get(x);
                double best = Double.MAX_VALUE;
                int outputs = 0;
                for (int run = 0; run < 5; run++) {
                    long start = System.nanoTime();
                    outputs = resample(x, rate, 22050).length;
                    if (run >= 1) {
                        best = Math.min(best, (System.nanoTime() - start) / 1e6);
                    }
                }
                System.out.printf(java.util.Locale.ROOT, "swr %d %.2f %d%n", rate, best, outputs);
            }
            return;
        }
        int[][] pairs = {{44100, 22050}, {48000, 22050}, {32000, 22050}, {96000, 22050}, {16000, 22050},
            {11025, 22050}, {8000, 22050}};
        for (int[] pair : pairs) {
            int in = pair[0];
            int out = pair[1];
            double f1 = 0.9 * Math.min(in, out) / 2;
            float[] y = resample(sweep(in, 2 * in, 2.0, f1), in, out);
            double best = -Double.MAX_VALUE;
            int bestShift = 0;
            for (int shift = -400; shift <= 400; shift++) {
                double snr = snr(y, shift, out, 2.0, f1);
                if (snr > best) {
                    best = snr;
                    bestShift = shift;
                }
            }
            if (in < out) {
                System.out.printf(java.util.Locale.ROOT, "swr %d -> %d: sweep SNR %.1f dB (delay %d)%n", in, out,
                        best, bestShift);
                continue;
            }
            float[] tone = new float[2 * in];
            for (int i = 0; i < tone.length; i++) {
                tone[i] = (float) Math.sin(2 * Math.PI * 11100 * i / in);
            }
            float[] t = resample(tone, in, out);
            double energy = 0;
            int skip = out / 20;
            for (int j = skip; j < t.length - skip; j++) {
                energy += (double) t[j] * t[j];
            }
            double rejection = 20 * Math.log10(Math.sqrt(0.5) / Math.sqrt(energy / (t.length - 2 * skip)));
            System.out.printf(java.util.Locale.ROOT,
                    "swr %d -> %d: sweep SNR %.1f dB (delay %d), stop band 11100 Hz %.1f dB%n", in, out, best,
                    bestShift, rejection);
        }
    }

    private static float[] sweep(int rate, int n, double seconds, double f1) {
        float[] x = new float[n];
        double k = (f1 - 20) / seconds;
        for (int i = 0; i < n; i++) {
            double t = (double) i / rate;
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * (20 * t + 0.5 * k * t * t)));
        }
        return x;
    }

    /** SNR of {@code y[j + shift]} against the ideal sweep at output time j, 50 ms skipped at either end. */
    private static double snr(float[] y, int shift, int rate, double seconds, double f1) {
        int n = (int) (seconds * rate);
        int skip = rate / 20;
        double k = (f1 - 20) / seconds;
        double signal = 0;
        double noise = 0;
        for (int j = skip; j < n - skip; j++) {
            if (j + shift < 0 || j + shift >= y.length) {
                return -Double.MAX_VALUE;
            }
            double t = (double) j / rate;
            double ideal = 0.5 * Math.sin(2 * Math.PI * (20 * t + 0.5 * k * t * t));
            double e = y[j + shift] - ideal;
            signal += ideal * ideal;
            noise += e * e;
        }
        return 10 * Math.log10(signal / noise);
    }
}
