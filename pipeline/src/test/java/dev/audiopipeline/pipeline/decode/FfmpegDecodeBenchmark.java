package dev.audiopipeline.pipeline.decode;

import java.io.IOException;

/**
 * Decode speed of MP3 and FLAC at 44.1 kHz stereo on one thread, as a multiple of real time. Not a test: run it by
 * hand (see pipeline/DECODING.md for the command and the figures).
 */
public final class FfmpegDecodeBenchmark {

    private static final int SECONDS = 60;
    private static final int RATE = 44100;

    private FfmpegDecodeBenchmark() {}

    public static void main(String[] args) throws IOException {
        short[][] pcm = TestTones.tones(RATE, 2, SECONDS * RATE);
        String[][] formats = {{"mp3", "libmp3lame", "192000"}, {"flac", "flac", "0"}};
        for (String[] format : formats) {
            byte[] bytes = FfmpegTestEncoder.encode(format[0], format[1], Integer.parseInt(format[2]), null, RATE, pcm);
            for (int warmup = 0; warmup < 3; warmup++) {
                decode(bytes);
            }
            int runs = 10;
            long start = System.nanoTime();
            long frames = 0;
            for (int run = 0; run < runs; run++) {
                frames += decode(bytes);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%-4s %d s stereo %d Hz, %d bytes: %.1f ms per file, %.0fx real time on one thread%n",
                    format[0], SECONDS, RATE, bytes.length, 1000 * seconds / runs, frames / (double) RATE / seconds);
        }
    }

    private static long decode(byte[] bytes) throws IOException {
        float[] buffer = new float[8192 * 2];
        long frames = 0;
        try (AudioStream stream = AudioDecoders.open(new ByteArraySource(bytes), "bench")) {
            int n;
            while ((n = stream.read(buffer, 8192)) > 0) {
                frames += n;
            }
        }
        return frames;
    }
}
