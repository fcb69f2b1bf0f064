package dev.audiopipeline.pipeline.tags;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The form in which tag spellings and labels are compared: Unicode NFKC (full-width and compatibility forms
 * folded, composed accents), lower case, and every space, {@code -} and {@code _} removed, so that
 * {@code Hip-Hop}, {@code hip hop}, {@code HIP_HOP} and {@code hiphop} are one key. Accents are kept
 * ({@code Música} and {@code Musica} differ: map both in the mapping file if both occur).
 */
final class GenreKey {

    private GenreKey() {}

    static String of(String text) {
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(normalised.length());
        normalised.codePoints()
                .filter(c -> c != '-' && c != '_' && !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(key::appendCodePoint);
        return key.toString();
    }
}
