package dev.audiopipeline.training.networks;

import java.util.Locale;

/**
 * A feature a network reads, as the {@code features/} table stores it per segment: a {@code [frame][coefficient]}
 * matrix (MFCC, log-mel, spectral contrast) or the summary-statistics vector.
 */
public enum FeatureInput {
    /** MFCC matrix, {@code n_mfcc} coefficients per frame. */
    MFCC,
    /** Log-mel matrix, {@code n_mels} bands per frame. */
    LOGMEL,
    /** Spectral-contrast matrix, {@code contrast_n_bands + 1} values per frame. */
    CONTRAST,
    /** Summary statistics of the segment, one vector. */
    STATS;

    /**
     * The lowercase name: the table's column and, for a network with several inputs, the name of the
     * ComputationGraph input it feeds ({@code "mfcc"}, {@code "contrast"}).
     */
    public String inputName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
