package dev.audiopipeline.pipeline.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GenreValuesTest {

    /** ID3 values; the expected names are the ID3v1 list's (e.g. 17 Rock, 4 Disco, 8 Jazz, 80 Folk, 191 Psybient). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "17                 | Rock",
        "(17)               | Rock",
        "(17)Rock           | Rock",
        "(17)rock           | Rock",
        "(4)Eurodisco       | Disco, Eurodisco",
        "(4)(17)            | Disco, Rock",
        "RX                 | Remix",
        "(RX)               | Remix",
        "(CR)               | Cover",
        "(80)               | Folk",
        "191                | Psybient",
        "(255)              | ''",
        "255                | ''",
        "(192)              | (192)",
        "((Live) Rock       | (Live) Rock",
        "(Live) Rock        | (Live) Rock",
        "' Rock '           | Rock",
        "(17                | (17",
        "Rock;Pop           | Rock, Pop",
        "17;8               | Rock, Jazz",
        "Rock\u0000Jazz     | Rock, Jazz",
        "Rock / Pop         | Rock, Pop",
        "Hip-Hop/Rap        | Hip-Hop, Rap",
        "Pop/Funk           | Pop/Funk",
        "(62)               | Pop/Funk",
        "Rock;rock;ROCK     | Rock",
        "Rock/              | Rock"})
    void id3ValuesResolveAndSplit(String stored, String expected) {
        List<String> names = ExistingTags.of(TagSource.ID3V2, GenreValues.fromId3v2(List.of(stored)), "none").names();

        assertThat(names).containsExactly(expected.isEmpty() ? new String[0] : expected.split(", "));
    }

    @Test
    void commasNeverSplit() {
        assertThat(GenreValues.fromText(List.of("Folk, World, & Country", "Rock, Pop"))).extracting(GenreTag::genre)
                .containsExactly("Folk, World, & Country", "Rock, Pop");
    }

    @Test
    void numbersAreNamesOnlyInId3() {
        assertThat(GenreValues.fromText(List.of("17", "(17)"))).extracting(GenreTag::genre).containsExactly("17", "(17)");
    }

    @Test
    void everyGenreKeepsTheValueItCameFromAndEveryValueIsKept() {
        ExistingTags tags = ExistingTags.of(TagSource.VORBIS,
                GenreValues.fromText(List.of("Rock/Pop", " Jazz\u0000", "jazz", " ")), "none");

        assertThat(tags.genres()).containsExactly(new GenreTag("Rock/Pop", "Rock"), new GenreTag("Rock/Pop", "Pop"),
                new GenreTag("Jazz", "Jazz"));
        assertThat(tags.rawValues()).containsExactly("Rock/Pop", "Jazz", "jazz");
    }

    @Test
    void valuesWithoutAGenreGiveNone() {
        ExistingTags tags = ExistingTags.of(TagSource.ID3V2, GenreValues.fromId3v2(List.of("(255)", "", ";")),
                "no genre in the ID3v2 tag");

        assertThat(tags.source()).isEqualTo(TagSource.NONE);
        assertThat(tags.detail()).isEqualTo("no genre in the ID3v2 tag");
    }

    @Test
    void id3v1NumbersCoverWinampsExtensionsAndNothingBeyond() {
        assertThat(GenreValues.fromNumber("0", 0)).containsExactly(new GenreTag("0", "Blues"));
        assertThat(GenreValues.fromNumber("189", 189)).containsExactly(new GenreTag("189", "Dubstep"));
        assertThat(GenreValues.fromNumber("192", 192)).isEmpty();
        assertThat(GenreValues.fromNumber("255", 255)).isEmpty();
        assertThat(GenreValues.fromNumber("0", -1)).isEmpty();
    }
}
