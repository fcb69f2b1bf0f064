package dev.audiopipeline.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The features {@link FeatureExtractor} computes, each with its lowercase CLI name and its column names.
 *
 * <p>Every feature is a {@code float[frame][column]} matrix. Columns of multi-column features are named
 * {@code <cli name>_<index>}, the index zero-padded to the width of the largest index (at least two digits):
 * {@code mfcc_00..mfcc_12}, {@code mel_000..mel_127}, {@code contrast_00..contrast_06}. Single-column features
 * are named by their CLI name alone ({@code rms}, {@code centroid}, ...).
 */
public enum Feature {
    /** Mel power spectrogram ({@code librosa.feature.melspectrogram}), {@code n_mels} columns. */
    MEL("mel"),
    /** {@code power_to_db} of {@link #MEL} (floor relative to the whole input's maximum), {@code n_mels} columns. */
    LOGMEL("logmel"),
    /** MFCC ({@code librosa.feature.mfcc}), {@code n_mfcc} columns. */
    MFCC("mfcc"),
    /** First-order delta of {@link #MFCC} ({@code librosa.feature.delta}, width {@code delta_width}). */
    MFCC_DELTA("mfcc_delta"),
    /** Spectral contrast, {@code contrast_n_bands + 1} columns. */
    CONTRAST("contrast"),
    /** Magnitude STFT {@code |X|}, {@code 1 + n_fft/2} columns. */
    STFT_MAG("stft_mag"),
    /** RMS energy ({@code librosa.feature.rms}), one column. */
    RMS("rms"),
    /** Zero-crossing rate ({@code librosa.feature.zero_crossing_rate}), one column. */
    ZCR("zcr"),
    /** Spectral centroid in Hz, one column. */
    CENTROID("centroid"),
    /** Spectral bandwidth (p=2) in Hz, one column. */
    BANDWIDTH("bandwidth"),
    /** Spectral roll-off frequency in Hz, one column. */
    ROLLOFF("rolloff"),
    /** Chromagram ({@code librosa.feature.chroma_stft}, tuning fixed or estimated), {@code n_chroma} columns, row 0 = C. */
    CHROMA("chroma");

    private final String cliName;

    Feature(String cliName) {
        this.cliName = cliName;
    }

    /** The lowercase name used on the command line and as the column prefix. */
    public String cliName() {
        return cliName;
    }

    /** The feature with this CLI name (case-insensitive). */
    public static Feature fromCliName(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (Feature f : values()) {
            if (f.cliName.equals(wanted)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown feature '" + name + "'; expected one of "
                + Arrays.stream(values()).map(Feature::cliName).collect(Collectors.joining(", ")));
    }

    /** Number of columns under these settings. */
    public int columnCount(FeatureSettings settings) {
        switch (this) {
            case MEL:
            case LOGMEL:
                return settings.nMels();
            case MFCC:
            case MFCC_DELTA:
                return settings.nMfcc();
            case CONTRAST:
                return settings.contrastNBands() + 1;
            case STFT_MAG:
                return settings.nBins();
            case CHROMA:
                return settings.nChroma();
            default:
                return 1;
        }
    }

    /** Column names under these settings, in column order (a CSV header). */
    public List<String> columnNames(FeatureSettings settings) {
        int count = columnCount(settings);
        List<String> names = new ArrayList<>(count);
        if (count == 1 && isScalar()) {
            names.add(cliName);
            return names;
        }
        int width = Math.max(2, Integer.toString(count - 1).length());
        String format = "%s_%0" + width + "d";
        for (int i = 0; i < count; i++) {
            names.add(String.format(Locale.ROOT, format, cliName, i));
        }
        return names;
    }

    /** True for the one-value-per-frame features (rms, zcr, centroid, bandwidth, rolloff). */
    public boolean isScalar() {
        return this == RMS || this == ZCR || this == CENTROID || this == BANDWIDTH || this == ROLLOFF;
    }
}
