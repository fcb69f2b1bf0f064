package dev.audiopipeline.pipeline.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiopipeline.features.Feature;
import dev.audiopipeline.features.FeatureExtractor;
import dev.audiopipeline.features.FeatureSettings;
import dev.audiopipeline.pipeline.audio.MonoAudioReader;
import dev.audiopipeline.pipeline.decode.FileSource;
import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticCorpusTest {

    private final Path work = TestScratch.newDirectory("corpus");

    @Test
    void writesTheLayoutDeterministicallyAndKeepsWhatIsThere() throws IOException {
        SyntheticCorpus corpus = new SyntheticCorpus(GenreStyle.GTZAN_LIKE.subList(0, 3), 2, 1.5, 22050, 7);

        List<Path> files = corpus.write(work.resolve("a"), 2);

        assertThat(files).extracting(p -> work.resolve("a").relativize(p).toString()).containsExactly(
                "blues/blues.00000.wav", "blues/blues.00001.wav", "classical/classical.00000.wav",
                "classical/classical.00001.wav", "country/country.00000.wav", "country/country.00001.wav");
        assertThat(files).allSatisfy(f -> assertThat(Files.size(f)).isEqualTo(44 + 2 * 33075));
        List<Path> again = corpus.write(work.resolve("b"), 1);
        for (int i = 0; i < files.size(); i++) {
            assertThat(Files.readAllBytes(again.get(i))).isEqualTo(Files.readAllBytes(files.get(i)));
        }
        assertThat(Files.readAllBytes(files.get(0))).isNotEqualTo(Files.readAllBytes(files.get(1)));
        FileTime earlier = FileTime.fromMillis(Files.getLastModifiedTime(files.get(0)).toMillis() - 10_000);
        Files.setLastModifiedTime(files.get(0), earlier);
        corpus.write(work.resolve("a"), 2);
        assertThat(Files.getLastModifiedTime(files.get(0))).as("kept, not rewritten").isEqualTo(earlier);
    }

    @Test
    void stylesDifferInWhatTheFeaturesSee() throws IOException {
        // metal (bright, 12 partials) against classical (4 soft partials): the mean spectral centroid differs a lot.
        double metal = meanCentroid(GenreStyle.GTZAN_LIKE.get(6));
        double classical = meanCentroid(GenreStyle.GTZAN_LIKE.get(1));
        assertThat(metal).isGreaterThan(1.5 * classical);
    }

    @Test
    void peaksStayBelowFullScale() {
        for (GenreStyle style : GenreStyle.GTZAN_LIKE) {
            float[] samples = SyntheticTrack.render(style, 5, 22050, 3);
            double peak = 0;
            for (float v : samples) {
                peak = Math.max(peak, Math.abs(v));
            }
            assertThat(peak).as(style.label()).isBetween(0.05, 0.95);
        }
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new SyntheticCorpus(List.of(), 1, 1, 22050, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GenreStyle("a/b", 100, 100, 1, 0.5, 0.5, 0))
                .hasMessageContaining("folder name");
    }

    private double meanCentroid(GenreStyle style) throws IOException {
        Path file = new SyntheticCorpus(List.of(style), 1, 3, 22050, 11).write(work.resolve(style.label()), 1).get(0);
        float[] samples = new MonoAudioReader(22050).read(FileSource.open(file), file.toString()).samples();
        float[][] centroid = FeatureExtractor.forSettings(FeatureSettings.defaults())
                .extract(samples, EnumSet.of(Feature.CENTROID)).get(Feature.CENTROID);
        double sum = 0;
        for (float[] frame : centroid) {
            sum += frame[0];
        }
        return sum / centroid.length;
    }
}
