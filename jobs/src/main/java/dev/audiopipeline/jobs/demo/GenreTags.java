package dev.audiopipeline.jobs.demo;

import java.util.Locale;

/** How a person would spell a label in a genre tag ("Hip-Hop", "Metal"); score maps them back to labels. */
final class GenreTags {

    private GenreTags() {}

    static String spelling(String label) {
        if (label.equals("hiphop")) {
            return "Hip-Hop";
        }
        return label.substring(0, 1).toUpperCase(Locale.ROOT) + label.substring(1);
    }
}
