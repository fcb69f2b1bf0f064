package dev.audiopipeline.features.augment;

import dev.audiopipeline.features.HashedSettings;
import dev.audiopipeline.features.ParameterRule;
import dev.audiopipeline.features.SettingsMaps;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * when they do. Each parameter's valid values are declared once, as a {@link ParameterRule} below; building throws
 * {@link dev.audiopipeline.features.InvalidParameterException} naming the parameter, e.g.
 * {@code "augment.pitch-semitones must be in [0, 12], got -1.0"}.
 */
public final class AugmentationSettings extends HashedSettings<AugmentationSettings.Builder> {

    private static final long serialVersionUID = 2L;

    // ---- What each parameter accepts: checked here, described and checked by the settings registry.

    public static final ParameterRule<Integer> VARIANTS = ParameterRule.intIn("augment.variants", 0, 100);
    public static final ParameterRule<Double> MAX_SHIFT_SECONDS =
            ParameterRule.nonNegative("augment.max-shift-seconds");
    public static final ParameterRule<Double> GAIN_DB = ParameterRule.nonNegative("augment.gain-db");
    /** At most an octave. */
    public static final ParameterRule<Double> PITCH_SEMITONES =
            ParameterRule.between("augment.pitch-semitones", 0, true, 12, true);
    /** Rates in [1/2, 2] at most. */
    public static final ParameterRule<Double> STRETCH_DEVIATION =
            ParameterRule.between("augment.stretch-deviation", 0, true, 1, true);
    /** Finite, or +Infinity together with the maximum for no noise. */
    public static final ParameterRule<Double> NOISE_SNR_DB_MIN = ParameterRule.finite("augment.noise-snr-db-min");
    /** Finite and at least the minimum, or +Infinity together with the minimum for no noise. */
    public static final ParameterRule<Double> NOISE_SNR_DB_MAX = ParameterRule.finite("augment.noise-snr-db-max");

    private AugmentationSettings(Builder builder) {
        super(builder);
    }

    /** The defaults: augmentation off ({@code variants = 0}), the effect ranges ready for when it is turned on. */
    public static AugmentationSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The settings {@link #asMap()} described (read back from {@code _feature_settings.json}).
     *
     * @throws IllegalArgumentException if the map lacks an entry, has one this version does not know, or describes
     *     another implementation (effect order, resampler, ...), naming it
     */
    public static AugmentationSettings fromMap(Map<String, ?> map) {
        AugmentationSettings settings = builder()
                .variants(SettingsMaps.integer(map, "variants"))
                .maxShiftSeconds(SettingsMaps.number(map, "max_shift_seconds"))
                .gainDb(SettingsMaps.number(map, "gain_db"))
                .noiseSnrDb(SettingsMaps.number(map, "noise_snr_db_min"), SettingsMaps.number(map, "noise_snr_db_max"))
                .pitchSemitones(SettingsMaps.number(map, "pitch_semitones"))
                .stretchDeviation(SettingsMaps.number(map, "stretch_deviation"))
                .seed(SettingsMaps.longInteger(map, "seed"))
                .build();
        SettingsMaps.requireSame(map, settings.asMap(), "augmentation settings");
        return settings;
    }

    @Override
    protected void validate() {
        VARIANTS.require(variants());
        MAX_SHIFT_SECONDS.require(maxShiftSeconds());
        GAIN_DB.require(gainDb());
        PITCH_SEMITONES.require(pitchSemitones());
        STRETCH_DEVIATION.require(stretchDeviation());
        double min = noiseSnrDbMin();
        double max = noiseSnrDbMax();
        boolean noiseOff = min == Double.POSITIVE_INFINITY && max == Double.POSITIVE_INFINITY;
        if (!noiseOff) {
            String finite = "finite (both bounds +Infinity turn noise off)";
            if (!Double.isFinite(min)) {
                throw NOISE_SNR_DB_MIN.fail(min, finite);
            }
            if (!Double.isFinite(max)) {
                throw NOISE_SNR_DB_MAX.fail(max, finite);
            }
            if (max < min) {
                throw NOISE_SNR_DB_MAX.fail(max, ">= augment.noise-snr-db-min=" + min);
            }
        }
    }

    @Override
    protected Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("variants", variants());
        m.put("max_shift_seconds", maxShiftSeconds());
        m.put("gain_db", gainDb());
        m.put("noise_snr_db_min", noiseSnrDbMin());
        m.put("noise_snr_db_max", noiseSnrDbMax());
        m.put("pitch_semitones", pitchSemitones());
        m.put("stretch_deviation", stretchDeviation());
        m.put("seed", seed());
        m.put("order", "stretch,pitch,shift,gain,noise");
        m.put("shift_mode", "roll");
        m.put("stretch_n_fft", TimeStretcher.N_FFT);
        m.put("stretch_hop_length", TimeStretcher.HOP_LENGTH);
        m.put("resampler", SegmentAugmenter.RESAMPLER);
        m.put("random", "splitmix64");
        return m;
    }

    /** Whether any variant is produced ({@code variants > 0}). */
    public boolean enabled() {
        return variants() > 0;
    }

    /** Extra variants per training segment; 0 turns augmentation off. */
    public int variants() { return values.variants; }
    /** Largest |time shift| in seconds. */
    public double maxShiftSeconds() { return values.maxShiftSeconds; }
    /** Largest |gain| in dB. */
    public double gainDb() { return values.gainDb; }
    /** Lowest SNR of the added noise in dB, or +infinity when noise is off. */
    public double noiseSnrDbMin() { return values.noiseSnrDbMin; }
    /** Highest SNR of the added noise in dB, or +infinity when noise is off. */
    public double noiseSnrDbMax() { return values.noiseSnrDbMax; }
    /** Whether noise is added (its SNR range is finite). */
    public boolean noiseEnabled() { return Double.isFinite(noiseSnrDbMax()); }
    /** Largest |pitch shift| in semitones. */
    public double pitchSemitones() { return values.pitchSemitones; }
    /** Largest stretch deviation x: rates lie in [1/(1+x), 1+x]. */
    public double stretchDeviation() { return values.stretchDeviation; }
    public long seed() { return values.seed; }

    /** Mutable builder; the field initialisers are the defaults. */
    public static final class Builder extends HashedSettings.Builder<AugmentationSettings, Builder> {
        private static final long serialVersionUID = 1L;

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

        @Override
        public AugmentationSettings build() {
            return new AugmentationSettings(this);
        }
    }
}
