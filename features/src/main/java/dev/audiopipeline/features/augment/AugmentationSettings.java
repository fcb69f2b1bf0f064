package dev.audiopipeline.features.augment;

import dev.audiopipeline.features.CanonicalSettings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How many augmented variants of each training segment to add and how strong each effect may be; immutable and
 * validated when built.
 *
 * <p>Defaults (all in {@link Builder}'s field initialisers): {@code variants = 0} (augmentation off),
 * {@code maxShiftSeconds = 0.5}, {@code gainDb = 6}, {@code noiseSnrDb = 20..40}, {@code pitchSemitones = 2},
 * {@code stretchDeviation = 0.1}, {@code seed = 42}. Each effect's magnitude at 0 turns that effect off (for noise:
 * {@link Builder#withoutNoise()}, an SNR of +infinity). How the values are drawn is described on
 * {@link SegmentAugmenter}.
 *
 * <p>The fixed conventions of the implementation (effect order, shift mode, STFT sizes, resampler, random
 * generator) are listed in {@link #asMap()} too, so that {@link #hash()}, stored beside the features, changes
 * when they do. Builder validation throws {@link IllegalArgumentException} naming the configuration property,
 * e.g. {@code "augment.pitch-semitones must be >= 0, got -1.0"}.
 */
public final class AugmentationSettings implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Largest pitch shift accepted, in semitones: one octave. */
    public static final double MAX_PITCH_SEMITONES = 12.0;
    /** Largest stretch deviation accepted: rates in [1/2, 2]. */
    public static final double MAX_STRETCH_DEVIATION = 1.0;

    private final int variants;
    private final double maxShiftSeconds;
    private final double gainDb;
    private final double noiseSnrDbMin;
    private final double noiseSnrDbMax;
    private final double pitchSemitones;
    private final double stretchDeviation;
    private final long seed;

    private final Map<String, Object> map;
    private final String hash;

    private AugmentationSettings(Builder b) {
        this.variants = b.variants;
        this.maxShiftSeconds = b.maxShiftSeconds;
        this.gainDb = b.gainDb;
        this.noiseSnrDbMin = b.noiseSnrDbMin;
        this.noiseSnrDbMax = b.noiseSnrDbMax;
        this.pitchSemitones = b.pitchSemitones;
        this.stretchDeviation = b.stretchDeviation;
        this.seed = b.seed;
        validate();
        this.map = Collections.unmodifiableMap(buildMap());
        this.hash = CanonicalSettings.hash(map);
    }

    /** The defaults: augmentation off ({@code variants = 0}), the effect ranges ready for when it is turned on. */
    public static AugmentationSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.variants = variants;
        b.maxShiftSeconds = maxShiftSeconds;
        b.gainDb = gainDb;
        b.noiseSnrDbMin = noiseSnrDbMin;
        b.noiseSnrDbMax = noiseSnrDbMax;
        b.pitchSemitones = pitchSemitones;
        b.stretchDeviation = stretchDeviation;
        b.seed = seed;
        return b;
    }

    private void validate() {
        require(variants >= 0, "augment.variants must be >= 0, got " + variants);
        requireMagnitude(maxShiftSeconds, "augment.max-shift-seconds");
        requireMagnitude(gainDb, "augment.gain-db");
        requireMagnitude(pitchSemitones, "augment.pitch-semitones");
        require(pitchSemitones <= MAX_PITCH_SEMITONES,
                "augment.pitch-semitones must be <= " + MAX_PITCH_SEMITONES + ", got " + pitchSemitones);
        requireMagnitude(stretchDeviation, "augment.stretch-deviation");
        require(stretchDeviation <= MAX_STRETCH_DEVIATION,
                "augment.stretch-deviation must be <= " + MAX_STRETCH_DEVIATION + ", got " + stretchDeviation);
        boolean noiseOff = noiseSnrDbMin == Double.POSITIVE_INFINITY && noiseSnrDbMax == Double.POSITIVE_INFINITY;
        if (!noiseOff) {
            require(Double.isFinite(noiseSnrDbMin), "augment.noise-snr-db-min must be finite (both bounds "
                    + "+Infinity turn noise off), got " + noiseSnrDbMin);
            require(Double.isFinite(noiseSnrDbMax), "augment.noise-snr-db-max must be finite (both bounds "
                    + "+Infinity turn noise off), got " + noiseSnrDbMax);
            require(noiseSnrDbMax >= noiseSnrDbMin, "augment.noise-snr-db-max must be >= augment.noise-snr-db-min="
                    + noiseSnrDbMin + ", got " + noiseSnrDbMax);
        }
    }

    private static void requireMagnitude(double value, String name) {
        require(Double.isFinite(value), name + " must be finite, got " + value);
        require(value >= 0, name + " must be >= 0, got " + value);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private Map<String, Object> buildMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("variants", variants);
        m.put("max_shift_seconds", maxShiftSeconds);
        m.put("gain_db", gainDb);
        m.put("noise_snr_db_min", noiseSnrDbMin);
        m.put("noise_snr_db_max", noiseSnrDbMax);
        m.put("pitch_semitones", pitchSemitones);
        m.put("stretch_deviation", stretchDeviation);
        m.put("seed", seed);
        m.put("order", "stretch,pitch,shift,gain,noise");
        m.put("shift_mode", "roll");
        m.put("stretch_n_fft", TimeStretcher.N_FFT);
        m.put("stretch_hop_length", TimeStretcher.HOP_LENGTH);
        m.put("resampler", SegmentAugmenter.RESAMPLER);
        m.put("random", "splitmix64");
        return m;
    }

    /** One {@code name=value} line per entry of {@link #asMap()}, in its order; doubles in Java's shortest repr. */
    public String canonicalText() {
        return CanonicalSettings.text(map);
    }

    /** Every setting and fixed convention, in a stable order, under snake_case names. Unmodifiable. */
    public Map<String, Object> asMap() {
        return map;
    }

    /** SHA-256 (lowercase hex) of {@link #canonicalText()}: stable across JVMs and runs. */
    public String hash() {
        return hash;
    }

    /** Whether any variant is produced ({@code variants > 0}). */
    public boolean enabled() {
        return variants > 0;
    }

    /** Extra variants per training segment; 0 turns augmentation off. */
    public int variants() { return variants; }
    /** Largest |time shift| in seconds. */
    public double maxShiftSeconds() { return maxShiftSeconds; }
    /** Largest |gain| in dB. */
    public double gainDb() { return gainDb; }
    /** Lowest SNR of the added noise in dB, or +infinity when noise is off. */
    public double noiseSnrDbMin() { return noiseSnrDbMin; }
    /** Highest SNR of the added noise in dB, or +infinity when noise is off. */
    public double noiseSnrDbMax() { return noiseSnrDbMax; }
    /** Whether noise is added (its SNR range is finite). */
    public boolean noiseEnabled() { return Double.isFinite(noiseSnrDbMax); }
    /** Largest |pitch shift| in semitones. */
    public double pitchSemitones() { return pitchSemitones; }
    /** Largest stretch deviation x: rates lie in [1/(1+x), 1+x]. */
    public double stretchDeviation() { return stretchDeviation; }
    public long seed() { return seed; }

    @Override
    public boolean equals(Object o) {
        return o instanceof AugmentationSettings && ((AugmentationSettings) o).map.equals(map);
    }

    @Override
    public int hashCode() {
        return Objects.hash(map);
    }

    @Override
    public String toString() {
        return "AugmentationSettings" + map;
    }

    /** Mutable builder; the field initialisers are the defaults. */
    public static final class Builder {
        private int variants = 0;
        private double maxShiftSeconds = 0.5;
        private double gainDb = 6.0;
        private double noiseSnrDbMin = 20.0;
        private double noiseSnrDbMax = 40.0;
        private double pitchSemitones = 2.0;
        private double stretchDeviation = 0.1;
        private long seed = 42L;

        private Builder() {
        }

        /** Extra variants per training segment (numbered 1..N; 0 is the original); 0 turns augmentation off. */
        public Builder variants(int value) { this.variants = value; return this; }
        /** Shifts are drawn uniformly in [-value, value] seconds (rounded to samples); 0 turns shifting off. */
        public Builder maxShiftSeconds(double value) { this.maxShiftSeconds = value; return this; }
        /** Gains are drawn uniformly in [-value, value] dB; 0 turns gain off. */
        public Builder gainDb(double value) { this.gainDb = value; return this; }
        /** SNRs of the added white Gaussian noise are drawn uniformly in [min, max] dB. */
        public Builder noiseSnrDb(double min, double max) {
            this.noiseSnrDbMin = min;
            this.noiseSnrDbMax = max;
            return this;
        }
        /** No noise: an SNR of +infinity. */
        public Builder withoutNoise() {
            return noiseSnrDb(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
        }
        /** Pitch shifts are drawn uniformly in [-value, value] semitones; 0 turns pitch shifting off. */
        public Builder pitchSemitones(double value) { this.pitchSemitones = value; return this; }
        /** Stretch rates are drawn log-uniformly in [1/(1+value), 1+value]; 0 turns stretching off. */
        public Builder stretchDeviation(double value) { this.stretchDeviation = value; return this; }
        /** The base of every variant's random seed. */
        public Builder seed(long value) { this.seed = value; return this; }

        public AugmentationSettings build() {
            return new AugmentationSettings(this);
        }
    }
}
