package dev.audiopipeline.pipeline.tags;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Stored genre values to single genres. A stored value holds several genres when they are separated by
 * <ul>
 *   <li>{@code \0} (ID3v2.4's list separator) or {@code ;} (Picard's, foobar2000's and FFmpeg's join): always;
 *   <li>{@code /}: unless the whole value is a genre of the ID3 list ({@code Pop/Funk} stays one genre,
 *       {@code Rock/Pop} and {@code Hip-Hop/Rap} are two);
 *   <li>never on {@code ,}: Discogs' "Folk, World, &amp; Country" is one genre, and a comma-joined value can be
 *       mapped whole in the mapping file.
 * </ul>
 * Parts are trimmed, empty parts dropped (repeated genres are left to {@link ExistingTags#of}). ID3
 * numbers are resolved only for ID3 sources ({@link Id3Genres}); elsewhere {@code 17} stays the text "17".
 */
final class GenreValues {

    private static final Pattern ALWAYS = Pattern.compile("[\\x00;]");

    private GenreValues() {}

    /** Genres of text values (Vorbis comments, MP4 {@code ©gen}, RIFF INFO, FFmpeg's dictionaries). */
    static List<GenreTag> fromText(List<String> stored) {
        return collect(stored, false);
    }

    /** Genres of ID3v2 {@code TCON} values, numbers and references resolved. */
    static List<GenreTag> fromId3v2(List<String> stored) {
        return collect(stored, true);
    }

    /**
     * The genre of an ID3v1 genre byte or an MP4 {@code gnre} atom, as a one-element list (empty when the number
     * names none).
     *
     * @param raw the stored number as text
     * @param id the ID3v1 genre number it stands for
     */
    static List<GenreTag> fromNumber(String raw, int id) {
        String name = Id3Genres.name(id);
        return name == null ? List.of() : List.of(new GenreTag(raw, name));
    }

    private static List<GenreTag> collect(List<String> stored, boolean id3) {
        List<GenreTag> genres = new ArrayList<>();
        for (String value : stored) {
            String raw = value == null ? "" : trimEnds(value);
            if (raw.isEmpty()) {
                continue;
            }
            for (String part : ALWAYS.split(raw)) {
                List<String> names = id3 ? Id3Genres.resolve(part.strip()) : List.of(part);
                for (String name : names) {
                    for (String genre : splitSlash(name.strip())) {
                        if (!genre.isEmpty()) {
                            genres.add(new GenreTag(raw, genre));
                        }
                    }
                }
            }
        }
        return genres;
    }

    /** Without the white space and NULs around it (padding and terminators of fixed-size fields). */
    private static String trimEnds(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && (value.charAt(start) == 0 || Character.isWhitespace(value.charAt(start)))) {
            start++;
        }
        while (end > start && (value.charAt(end - 1) == 0 || Character.isWhitespace(value.charAt(end - 1)))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static List<String> splitSlash(String name) {
        if (name.indexOf('/') < 0 || Id3Genres.isListed(name)) {
            return List.of(name);
        }
        List<String> parts = new ArrayList<>();
        for (String part : name.split("/")) {
            parts.add(part.strip());
        }
        return parts;
    }
}
