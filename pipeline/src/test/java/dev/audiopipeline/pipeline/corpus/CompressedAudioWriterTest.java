package dev.audiopipeline.pipeline.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiopipeline.pipeline.decode.AudioDecoders;
import dev.audiopipeline.pipeline.decode.AudioStream;
import dev.audiopipeline.pipeline.decode.FileSource;
import dev.audiopipeline.pipeline.decode.MediaMetadata;
import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Each format written and read back by the product's own decoder: rate, channels, length, level and genre tag. */
class CompressedAudioWriterTest {

    private static final int RATE = 44100;

    private final Path work = TestScratch.newDirectory("compressed-writer");

    @Test
    void writesEachFormatWithItsGenreTagAndTheDecoderReadsItBack() throws IOException {
        GenreStyle style = GenreStyle.GTZAN_LIKE.get(6);
        float[] left = SyntheticTrack.render(style, 2.0, RATE, 3);
        float[][] stereo = {left, left.clone()};
        for (CompressedAudioWriter.Format format : CompressedAudioWriter.Format.values()) {
            Path file = work.resolve("song." + format.extension());

            CompressedAudioWriter.write(file, format, stereo, RATE, "Metal");

            try (AudioStream stream = AudioDecoders.open(FileSource.open(file), file.toString())) {
                assertThat(stream.info().sampleRate()).as(format.name()).isEqualTo(RATE);
                assertThat(stream.info().channels()).as(format.name()).isEqualTo(2);
                MediaMetadata tags = stream.metadata();
                assertThat(tags.values("genre")).as(format.name()).containsExactly("Metal");
                float[] buffer = new float[4096 * 2];
                long frames = 0;
                double energy = 0;
                for (int n; (n = stream.read(buffer, 4096)) > 0; frames += n) {
                    for (int i = 0; i < 2 * n; i++) {
                        energy += buffer[i] * buffer[i];
                    }
                }
                assertThat(frames).as(format.name()).isBetween(2L * RATE, 2L * RATE + 4096);
                assertThat(Math.sqrt(energy / (2 * frames))).as(format.name() + " rms").isGreaterThan(0.01);
            }
        }
        try (var files = Files.list(work)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("song.mp3",
                    "song.flac", "song.ogg");
        }
    }

    @Test
    void untaggedAndMonoWhereTheFormatAllowsIt() throws IOException {
        float[][] mono = {SyntheticTrack.render(GenreStyle.GTZAN_LIKE.get(1), 1.0, RATE, 5)};
        Path file = work.resolve("mono.flac");

        CompressedAudioWriter.write(file, CompressedAudioWriter.Format.FLAC, mono, RATE, null);

        try (AudioStream stream = AudioDecoders.open(FileSource.open(file), file.toString())) {
            assertThat(stream.info().channels()).isEqualTo(1);
            assertThat(stream.metadata().values("genre")).isEmpty();
        }
        assertThatThrownBy(() -> CompressedAudioWriter.write(work.resolve("mono.ogg"),
                CompressedAudioWriter.Format.OGG, mono, RATE, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stereo only");
        assertThat(work.resolve("mono.ogg")).doesNotExist();
    }
}
