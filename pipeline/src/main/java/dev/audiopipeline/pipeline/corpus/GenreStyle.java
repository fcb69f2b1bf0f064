package dev.audiopipeline.pipeline.corpus;

import java.util.List;

/**
 * How the synthetic tracks of one label sound: a tempo, a pitch register, a timbre (harmonics and their decay), how
 * percussive the beat is and how much noise there is. Distinct enough per label that features separate them, varied
 * enough per track that a classifier has something to learn.
 *
 * @param label the folder name
 * @param bpm beats per minute
 * @param rootHz the register's lowest chord root (each track draws its root within an octave above)
 * @param harmonics partials per note
 * @param brightness amplitude ratio of successive partials (0..1; higher is brighter)
 * @param percussion share of each beat's envelope that decays (0 sustained, 1 fully plucked)
 * @param noise level of the noise bursts on the beats (0..1)
 */
public record GenreStyle(String label, double bpm, double rootHz, int harmonics, double brightness, double percussion,
                         double noise) {

    /** Ten styles named after GTZAN's genres (the names are only folder names; the sounds are synthetic). */
    public static final List<GenreStyle> GTZAN_LIKE = List.of(
            new GenreStyle("blues", 84, 98, 6, 0.55, 0.5, 0.05),
            new GenreStyle("classical", 66, 196, 4, 0.35, 0.1, 0.0),
            new GenreStyle("country", 108, 147, 5, 0.5, 0.6, 0.05),
            new GenreStyle("disco", 120, 110, 8, 0.6, 0.8, 0.25),
            new GenreStyle("hiphop", 92, 55, 3, 0.3, 0.9, 0.35),
            new GenreStyle("jazz", 132, 123, 5, 0.45, 0.3, 0.08),
            new GenreStyle("metal", 160, 82, 12, 0.85, 0.7, 0.45),
            new GenreStyle("pop", 116, 165, 6, 0.55, 0.6, 0.15),
            new GenreStyle("reggae", 76, 73, 5, 0.5, 0.85, 0.12),
            new GenreStyle("rock", 140, 98, 9, 0.7, 0.65, 0.3));

    public GenreStyle {
        if (label == null || label.isBlank() || label.contains("/")) {
            throw new IllegalArgumentException("a style's label must be a folder name, got '" + label + "'");
        }
    }
}
