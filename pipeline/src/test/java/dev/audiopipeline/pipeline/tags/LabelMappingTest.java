package dev.audiopipeline.pipeline.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelMappingTest {

    private static final List<String> GTZAN = List.of("blues", "classical", "country", "disco", "hiphop", "jazz",
            "metal", "pop", "reggae", "rock");

    @Test
    void spellingsMatchLabelsIgnoringCaseSpacesDashesUnderscoresAndUnicodeForms() {
        LabelMapping mapping = LabelMapping.none();

        for (String spelling : List.of("Hip-Hop", "hip hop", "HIP_HOP", " HipHop ", "ｈｉｐ－ｈｏｐ")) {
            assertThat(mapping.map(tags(TagSource.VORBIS, spelling), GTZAN).label()).as(spelling).isEqualTo("hiphop");
        }
    }

    @Test
    void theMappingFileWinsOverDirectMatchesAndNeverGuesses() {
        LabelMapping mapping = LabelMapping.parse("""
                # tag spellings of our library
                Hip-Hop = hiphop
                Rap = hiphop
                Rock & Roll = rock
                Electro = electronic
                """, "test.map");

        assertThat(mapping.map(tags(TagSource.ID3V2, "RAP"), GTZAN).label()).isEqualTo("hiphop");
        assertThat(mapping.map(tags(TagSource.ID3V2, "rock & roll"), GTZAN).label()).isEqualTo("rock");
        MappedTag unknown = mapping.map(tags(TagSource.ID3V2, "Rockabilly"), GTZAN);
        assertThat(unknown.label()).isNull();
        assertThat(unknown.unmapped()).isTrue();
        assertThat(unknown.unmappedGenres()).containsExactly("Rockabilly");
        assertThat(unknown.rawValues()).containsExactly("Rockabilly");
        // A target the model lacks leaves the genre unmapped; the job can warn about such lines.
        assertThat(mapping.map(tags(TagSource.ID3V2, "Electro"), GTZAN).unmappedGenres()).containsExactly("Electro");
        assertThat(mapping.targetsMissingFrom(GTZAN)).containsExactly("electronic");
    }

    @Test
    void severalGenresGiveSeveralLabelsInTagOrderFirstOneIsTheLabel() {
        ExistingTags tags = ExistingTags.of(TagSource.ID3V2,
                GenreValues.fromId3v2(List.of("Synthwave", "(17)", "Jazz/Blues", "Rock")), "none");

        MappedTag mapped = LabelMapping.none().map(tags, GTZAN);

        assertThat(mapped.label()).isEqualTo("rock");
        assertThat(mapped.labels()).containsExactly("rock", "jazz", "blues");
        assertThat(mapped.unmappedGenres()).containsExactly("Synthwave");
        assertThat(mapped.unmapped()).isFalse();
        assertThat(mapped.rawValues()).containsExactly("Synthwave", "(17)", "Jazz/Blues", "Rock");
    }

    @Test
    void aSplitOrNumericValueIsLookedUpWholeInTheFileFirst() {
        LabelMapping mapping = LabelMapping.parse("R&B/Soul = soul\n(14) = soul\n", "test.map");
        List<String> labels = List.of("soul", "rnb");

        assertThat(mapping.map(ExistingTags.of(TagSource.VORBIS, GenreValues.fromText(List.of("R&B/Soul")), "none"), labels)
                .labels()).containsExactly("soul");
        assertThat(mapping.map(ExistingTags.of(TagSource.ID3V2, GenreValues.fromId3v2(List.of("(14)")), "none"), labels)
                .labels()).containsExactly("soul");
        assertThat(LabelMapping.none().map(ExistingTags.of(TagSource.ID3V2, GenreValues.fromId3v2(List.of("(14)")), "none"),
                labels).unmappedGenres()).containsExactly("R&B");
    }

    @Test
    void untaggedFilesAreNeitherLabelledNorUnmapped() {
        MappedTag mapped = LabelMapping.none().map(ExistingTags.none("no tag"), GTZAN);

        assertThat(mapped.source()).isEqualTo(TagSource.NONE);
        assertThat(mapped.label()).isNull();
        assertThat(mapped.tagged()).isFalse();
        assertThat(mapped.unmapped()).isFalse();
    }

    @Test
    void malformedAndContradictingLinesAreErrorsNamingTheLine() {
        assertThatThrownBy(() -> LabelMapping.parse("Rock = rock\njust words\n", "m.txt"))
                .hasMessageContaining("m.txt:2").hasMessageContaining("just words");
        assertThatThrownBy(() -> LabelMapping.parse("Hip-Hop = hiphop\n\nhip hop = rap\n", "m.txt"))
                .hasMessageContaining("m.txt:3").hasMessageContaining("line 1");
        assertThatThrownBy(() -> LabelMapping.parse(" = rock\n", "m.txt")).hasMessageContaining("m.txt:1");
        assertThat(LabelMapping.parse("Hip-Hop = hiphop\nhip hop = HipHop\n", "m.txt")
                .map(tags(TagSource.VORBIS, "HIP HOP"), GTZAN).label()).isEqualTo("hiphop");
    }

    @Test
    void labelsThatCannotBeToldApartAreRefused() {
        assertThatThrownBy(() -> LabelMapping.none().map(tags(TagSource.VORBIS, "x"), List.of("hip-hop", "hiphop")))
                .hasMessageContaining("hip-hop").hasMessageContaining("hiphop");
    }

    @Test
    void loadsUtf8FilesAndRefusesOthers() throws IOException {
        Path dir = TestScratch.newDirectory("mapping");
        Path good = Files.writeString(dir.resolve("map.txt"), "\uFEFFMúsica Clásica = classical\n", StandardCharsets.UTF_8);
        Path bad = Files.write(dir.resolve("latin1.txt"), "Música = classical\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(LabelMapping.load(good).map(tags(TagSource.VORBIS, "música clásica"), GTZAN).label())
                .isEqualTo("classical");
        assertThat(LabelMapping.load(new org.apache.hadoop.conf.Configuration(), good.toUri().toString())
                .map(tags(TagSource.VORBIS, "MÚSICA CLÁSICA"), GTZAN).label()).isEqualTo("classical");
        assertThatThrownBy(() -> LabelMapping.load(bad)).hasMessageContaining("latin1.txt").hasMessageContaining("UTF-8");
    }

    private static ExistingTags tags(TagSource source, String value) {
        return ExistingTags.of(source, GenreValues.fromText(List.of(value)), "none");
    }
}
