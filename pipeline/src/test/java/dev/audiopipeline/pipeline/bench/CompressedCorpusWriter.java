package dev.audiopipeline.pipeline.bench;

import dev.audiopipeline.pipeline.corpus.GenreStyle;
import dev.audiopipeline.pipeline.corpus.SyntheticTrack;
import dev.audiopipeline.pipeline.decode.FfmpegTestEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The whole-path benchmark's input ({@code bench/whole-path-benchmark.sh}): {@code FILES} tracks of
 * {@code SECONDS} of the synthetic corpus's styles ({@link SyntheticTrack}) at 44.1 kHz stereo (the two channels
 * rendered with different seeds), every other one MP3 (LAME, 192 kbit/s) and Ogg Vorbis (FFmpeg's encoder), under
 * {@code DIR/<style>/}. Files that exist are kept. A plain main, not a test: {@code DIR FILES SECONDS}.
 */
public final class CompressedCorpusWriter {

    private static final int RATE = 44100;

    private CompressedCorpusWriter() {}

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        int files = Integer.parseInt(args[1]);
        double seconds = Double.parseDouble(args[2]);
        List<GenreStyle> styles = GenreStyle.GTZAN_LIKE;
        for (int i = 0; i < files; i++) {
            GenreStyle style = styles.get(i % styles.size());
            boolean mp3 = i % 2 == 0;
            Path file = root.resolve(style.label()).resolve(String.format("%s.%05d.%s", style.label(), i,
                    mp3 ? "mp3" : "ogg"));
            if (Files.isRegularFile(file) && Files.size(file) > 0) {
                continue;
            }
            short[][] pcm = {pcm(SyntheticTrack.render(style, seconds, RATE, 2L * i)),
                pcm(SyntheticTrack.render(style, seconds, RATE, 2L * i + 1))};
            byte[] encoded = mp3 ? FfmpegTestEncoder.encode("mp3", "libmp3lame", 192_000, null, RATE, pcm)
                    : FfmpegTestEncoder.encode("ogg", "vorbis", 0, null, RATE, pcm);
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.write(partial, encoded);
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            System.out.println(file + " " + encoded.length + " bytes");
        }
    }

    private static short[] pcm(float[] samples) {
        short[] out = new short[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = (short) Math.max(-32768, Math.min(32767, Math.round(samples[i] * 32767)));
        }
        return out;
    }
}
