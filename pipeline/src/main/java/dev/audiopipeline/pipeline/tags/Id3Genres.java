package dev.audiopipeline.pipeline.tags;

import java.util.ArrayList;
import java.util.List;
import org.jaudiotagger.tag.id3.valuepair.ID3V2ExtendedGenreTypes;
import org.jaudiotagger.tag.reference.GenreTypes;

/**
 * ID3's genre numbers: the ID3v1 list (0-79 standard, 80-191 Winamp's extensions, as jaudiotagger holds it) and
 * the forms ID3v2 stores them in:
 * <ul>
 *   <li>ID3v2.2/2.3 references in parentheses, optionally refined by text: {@code (17)} is Rock, {@code (4)(17)}
 *       Disco and Rock, {@code (17)Rock} Rock (a refinement equal to the name adds nothing),
 *       {@code (4)Eurodisco} Disco and Eurodisco; {@code ((} starts text that begins with a parenthesis;
 *   <li>ID3v2.4 bare numbers: {@code 17} is Rock;
 *   <li>{@code RX} / {@code (RX)} is Remix, {@code CR} / {@code (CR)} Cover;
 *   <li>255 (ID3v1's "no genre") is no genre; a number beyond the list is kept as the text it is.
 * </ul>
 */
final class Id3Genres {

    /** ID3v1's genre byte for "none". */
    private static final int UNDEFINED = 255;

    private Id3Genres() {}

    /** The name of ID3v1 genre {@code id}, or null for 255 and numbers beyond the list. */
    static String name(int id) {
        if (id < 0 || id > GenreTypes.getMaxGenreId()) {
            return null;
        }
        return GenreTypes.getInstanceOf().getValueForId(id);
    }

    /** True if {@code name} is in the ID3v1 list (e.g. "Pop/Funk", which is therefore not split on '/'). */
    static boolean isListed(String name) {
        return GenreTypes.getInstanceOf().getIdForName(name) != null;
    }

    /** The genres one ID3v2 text value (already split on its separators) stands for, in order. */
    static List<String> resolve(String text) {
        List<String> names = new ArrayList<>();
        int at = 0;
        while (at < text.length() && text.charAt(at) == '(' && !text.startsWith("((", at)) {
            int close = text.indexOf(')', at);
            if (close < 0) {
                break;
            }
            String reference = reference(text.substring(at + 1, close));
            if (reference == null) {
                break; // e.g. "(Live) Rock": not a reference, all text
            }
            if (!reference.isEmpty()) {
                names.add(reference);
            }
            at = close + 1;
        }
        String rest = text.substring(at);
        if (rest.startsWith("((")) {
            rest = rest.substring(1);
        }
        rest = rest.strip();
        if (rest.isEmpty()) {
            return names;
        }
        if (names.isEmpty() && at == 0) {
            String bare = reference(rest);
            if (bare != null) {
                if (!bare.isEmpty()) {
                    names.add(bare);
                }
                return names;
            }
        }
        if (names.stream().noneMatch(rest::equalsIgnoreCase)) {
            names.add(rest);
        }
        return names;
    }

    /** The genre a reference names, "" for 255 (none), or null if it is no reference. */
    private static String reference(String token) {
        for (ID3V2ExtendedGenreTypes extended : ID3V2ExtendedGenreTypes.values()) {
            if (extended.name().equals(token)) {
                return extended.getDescription();
            }
        }
        if (token.isEmpty() || token.length() > 3 || !token.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        int id = Integer.parseInt(token);
        if (id == UNDEFINED) {
            return "";
        }
        return name(id);
    }
}
