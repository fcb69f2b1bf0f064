package dev.audiopipeline.features;

import dev.audiopipeline.features.resample.ResampleType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every parameter of the feature kernel, immutable and validated when built.
 *
 * <p>Defaults are librosa 0.11's (see {@link #defaults()}), except {@code n_mfcc}, which is the product's 13
 * (librosa's is 20). Fixed conventions that are not configurable (periodic Hann window, constant padding,
 * Slaney mel scale with Slaney norm, DCT-II ortho) are still listed in {@link #asMap()} so that they are part of
 * the {@link #hash()} that is stored beside features and models.
 *
 * <p>Each parameter's valid values are declared once, as a {@link ParameterRule} below; building throws
 * {@link InvalidParameterException} naming the parameter and the bad value, e.g.
 * {@code "n_fft must be in [16, 65536], got 0"}. One check is deferred: whether the spectral-contrast octave bands
 * fit below Nyquist, because that only matters when contrast is requested (see {@link FeatureExtractor}).
 */
public final class FeatureSettings extends HashedSettings<FeatureSettings.Builder> {

    private static final long serialVersionUID = 2L;

    // ---- What each parameter accepts: checked here, described and checked by the settings registry and the ML params.

    public static final ParameterRule<Integer> SAMPLE_RATE = ParameterRule.intIn("sample_rate", 1000, 384_000);
    public static final ParameterRule<Integer> N_FFT = ParameterRule.intIn("n_fft", 16, 65_536);
    public static final ParameterRule<Integer> HOP_LENGTH = ParameterRule.positiveInt("hop_length");
    /** Also at most n_fft. */
    public static final ParameterRule<Integer> WIN_LENGTH = ParameterRule.positiveInt("win_length");
    public static final ParameterRule<Double> POWER = ParameterRule.positive("power");
    public static final ParameterRule<Integer> N_MELS = ParameterRule.intIn("n_mels", 1, 1024);
    public static final ParameterRule<Double> FMIN = ParameterRule.nonNegative("fmin");
    /** Also above fmin and at most sample_rate / 2. */
    public static final ParameterRule<Double> FMAX = ParameterRule.positive("fmax");
    public static final ParameterRule<Double> REF = ParameterRule.positive("ref");
    public static final ParameterRule<Double> AMIN = ParameterRule.positive("amin");
    public static final ParameterRule<Double> TOP_DB = ParameterRule.nonNegative("top_db");
    /** Also at most n_mels. */
    public static final ParameterRule<Integer> N_MFCC = ParameterRule.positiveInt("n_mfcc");
    public static final ParameterRule<Double> LIFTER = ParameterRule.nonNegative("lifter");
    public static final ParameterRule<Integer> DELTA_WIDTH =
            ParameterRule.of("delta_width", v -> v >= 3 && v % 2 == 1, "odd and >= 3");
    public static final ParameterRule<Double> CONTRAST_FMIN = ParameterRule.positive("contrast_fmin");
    public static final ParameterRule<Integer> CONTRAST_N_BANDS = ParameterRule.positiveInt("contrast_n_bands");
    public static final ParameterRule<Double> CONTRAST_QUANTILE =
            ParameterRule.between("contrast_quantile", 0, false, 1, false);
    public static final ParameterRule<Double> ROLL_PERCENT = ParameterRule.between("roll_percent", 0, false, 1, false);
    public static final ParameterRule<Integer> N_CHROMA = ParameterRule.positiveInt("n_chroma");
    public static final ParameterRule<Double> TUNING = ParameterRule.between("tuning", -0.5, true, 0.5, false);

    private FeatureSettings(Builder builder) {
        super(builder);
    }

    /** librosa 0.11 defaults, with the product's {@code n_mfcc = 13}. */
    public static FeatureSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The settings {@link #asMap()} described (e.g. read back from {@code _feature_settings.json} or a model
     * bundle).
     *
     * @throws IllegalArgumentException if the map lacks an entry, has one this version does not know, or
     *     describes a convention this version does not compute (a window other than Hann, ...), naming it; or
     *     {@link InvalidParameterException} for a value out of its range
     */
    public static FeatureSettings fromMap(Map<String, ?> map) {
        FeatureSettings settings = builder()
                .sampleRate(SettingsMaps.integer(map, "sample_rate"))
                .nFft(SettingsMaps.integer(map, "n_fft"))
                .hopLength(SettingsMaps.integer(map, "hop_length"))
                .winLength(SettingsMaps.integer(map, "win_length"))
                .center(SettingsMaps.bool(map, "center"))
                .power(SettingsMaps.number(map, "power"))
                .nMels(SettingsMaps.integer(map, "n_mels"))
                .fmin(SettingsMaps.number(map, "fmin"))
                .fmax(SettingsMaps.number(map, "fmax"))
                .ref(SettingsMaps.number(map, "ref"))
                .amin(SettingsMaps.number(map, "amin"))
                .topDb(SettingsMaps.numberOrNull(map, "top_db"))
                .nMfcc(SettingsMaps.integer(map, "n_mfcc"))
                .lifter(SettingsMaps.number(map, "lifter"))
                .deltaWidth(SettingsMaps.integer(map, "delta_width"))
                .contrastFmin(SettingsMaps.number(map, "contrast_fmin"))
                .contrastNBands(SettingsMaps.integer(map, "contrast_n_bands"))
                .contrastQuantile(SettingsMaps.number(map, "contrast_quantile"))
                .contrastLinear(SettingsMaps.bool(map, "contrast_linear"))
                .rollPercent(SettingsMaps.number(map, "roll_percent"))
                .nChroma(SettingsMaps.integer(map, "n_chroma"))
                .tuning(SettingsMaps.numberOrNull(map, "tuning"))
                .resType(resType(SettingsMaps.text(map, "res_type")))
                .build();
        SettingsMaps.requireSame(map, settings.asMap(), "feature settings");
        return settings;
    }

    private static ResampleType resType(String name) {
        return ResampleType.fromLibrosaName(name);
    }

    @Override
    protected void validate() {
        SAMPLE_RATE.require(sampleRate());
        N_FFT.require(nFft());
        HOP_LENGTH.require(hopLength());
        if (WIN_LENGTH.require(winLength()) > nFft()) {
            throw WIN_LENGTH.fail(winLength(), "in [1, n_fft=" + nFft() + "]");
        }
        POWER.require(power());
        N_MELS.require(nMels());
        FMIN.require(fmin());
        FMAX.require(fmax());
        if (fmax() <= fmin()) {
            throw FMAX.fail(fmax(), "> fmin=" + fmin());
        }
        if (fmax() > sampleRate() / 2.0) {
            throw FMAX.fail(fmax(), "<= sample_rate/2=" + (sampleRate() / 2.0));
        }
        REF.require(ref());
        AMIN.require(amin());
        if (topDb() != null) {
            TOP_DB.require(topDb());
        }
        if (N_MFCC.require(nMfcc()) > nMels()) {
            throw N_MFCC.fail(nMfcc(), "in [1, n_mels=" + nMels() + "]");
        }
        LIFTER.require(lifter());
        DELTA_WIDTH.require(deltaWidth());
        CONTRAST_FMIN.require(contrastFmin());
        CONTRAST_N_BANDS.require(contrastNBands());
        CONTRAST_QUANTILE.require(contrastQuantile());
        ROLL_PERCENT.require(rollPercent());
        N_CHROMA.require(nChroma());
        if (tuning() != null) {
            TUNING.require(tuning());
        }
        java.util.Objects.requireNonNull(resType(), "res_type");
    }

    @Override
    protected Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sample_rate", sampleRate());
        m.put("n_fft", nFft());
        m.put("hop_length", hopLength());
        m.put("win_length", winLength());
        m.put("window", "hann");
        m.put("center", center());
        m.put("pad_mode", "constant");
        m.put("power", power());
        m.put("n_mels", nMels());
        m.put("fmin", fmin());
        m.put("fmax", fmax());
        m.put("htk", false);
        m.put("mel_norm", "slaney");
        m.put("ref", ref());
        m.put("amin", amin());
        m.put("top_db", topDb());
        m.put("n_mfcc", nMfcc());
        m.put("dct_type", 2);
        m.put("dct_norm", "ortho");
        m.put("lifter", lifter());
        m.put("delta_width", deltaWidth());
        m.put("delta_mode", "interp");
        m.put("contrast_fmin", contrastFmin());
        m.put("contrast_n_bands", contrastNBands());
        m.put("contrast_quantile", contrastQuantile());
        m.put("contrast_linear", contrastLinear());
        m.put("roll_percent", rollPercent());
        m.put("n_chroma", nChroma());
        m.put("tuning", tuning());
        m.put("res_type", resType().librosaName());
        return m;
    }

    public int sampleRate() { return values.sampleRate; }
    public int nFft() { return values.nFft; }
    public int hopLength() { return values.hopLength; }
    /** The window length: n_fft unless set. */
    public int winLength() { return values.winLength == null ? values.nFft : values.winLength; }
    public boolean center() { return values.center; }
    public double power() { return values.power; }
    public int nMels() { return values.nMels; }
    public double fmin() { return values.fmin; }
    /** The highest mel frequency: sample_rate / 2 unless set. */
    public double fmax() { return values.fmax == null ? values.sampleRate / 2.0 : values.fmax; }
    public double ref() { return values.ref; }
    public double amin() { return values.amin; }
    /** The dB floor below the maximum, or null for no floor (librosa's {@code top_db=None}). */
    public Double topDb() { return values.topDb; }
    public int nMfcc() { return values.nMfcc; }
    public double lifter() { return values.lifter; }
    public int deltaWidth() { return values.deltaWidth; }
    public double contrastFmin() { return values.contrastFmin; }
    public int contrastNBands() { return values.contrastNBands; }
    public double contrastQuantile() { return values.contrastQuantile; }
    public boolean contrastLinear() { return values.contrastLinear; }
    public double rollPercent() { return values.rollPercent; }
    public int nChroma() { return values.nChroma; }
    /**
     * The chroma filterbank's tuning offset in fractions of a chroma bin, or null: estimated per input, as librosa
     * does with {@code tuning=None} (its default; see {@link dev.audiopipeline.features.dsp.TuningEstimator}).
     */
    public Double tuning() { return values.tuning; }
    /** How audio at another rate is brought to {@link #sampleRate()} (librosa's {@code res_type}). */
    public ResampleType resType() { return values.resType; }
    /** Number of frequency bins of the one-sided spectrum, {@code 1 + n_fft / 2}. */
    public int nBins() { return 1 + nFft() / 2; }

    /** Frames librosa produces for {@code nSamples} samples: {@code 1 + len // hop} with centring for even n_fft. */
    public int frameCount(int nSamples) {
        int padded = center() ? nSamples + 2 * (nFft() / 2) : nSamples;
        if (padded < nFft()) {
            return 0;
        }
        return 1 + (padded - nFft()) / hopLength();
    }

    /** Mutable builder; the field initialisers are the defaults; every setter takes librosa's meaning. */
    public static final class Builder extends HashedSettings.Builder<FeatureSettings, Builder> {
        private static final long serialVersionUID = 1L;

        private int sampleRate = 22050;
        private int nFft = 2048;
        private int hopLength = 512;
        private Integer winLength;
        private boolean center = true;
        private double power = 2.0;
        private int nMels = 128;
        private double fmin = 0.0;
        private Double fmax;
        private double ref = 1.0;
        private double amin = 1e-10;
        private Double topDb = 80.0;
        private int nMfcc = 13;
        private double lifter = 0.0;
        private int deltaWidth = 9;
        private double contrastFmin = 200.0;
        private int contrastNBands = 6;
        private double contrastQuantile = 0.02;
        private boolean contrastLinear = false;
        private double rollPercent = 0.85;
        private int nChroma = 12;
        private Double tuning = 0.0;
        private ResampleType resType = ResampleType.DEFAULT;

        private Builder() {
        }

        public Builder sampleRate(int value) { this.sampleRate = value; return this; }
        public Builder nFft(int value) { this.nFft = value; return this; }
        public Builder hopLength(int value) { this.hopLength = value; return this; }
        /** Window length; null (the default) means n_fft. The window is zero-padded to n_fft, centred. */
        public Builder winLength(Integer value) { this.winLength = value; return this; }
        /** Centre frames by padding n_fft/2 zeros on each side (librosa {@code center=True, pad_mode='constant'}). */
        public Builder center(boolean value) { this.center = value; return this; }
        /** Exponent of the magnitude spectrogram fed to the mel filterbank (2 = power). */
        public Builder power(double value) { this.power = value; return this; }
        public Builder nMels(int value) { this.nMels = value; return this; }
        public Builder fmin(double value) { this.fmin = value; return this; }
        /** Highest mel frequency; null (the default) means sample_rate / 2. */
        public Builder fmax(Double value) { this.fmax = value; return this; }
        public Builder ref(double value) { this.ref = value; return this; }
        public Builder amin(double value) { this.amin = value; return this; }
        /** dB floor below the maximum of the whole array; null disables it. */
        public Builder topDb(Double value) { this.topDb = value; return this; }
        public Builder nMfcc(int value) { this.nMfcc = value; return this; }
        /** Cepstral liftering coefficient; 0 (the default) means none. */
        public Builder lifter(double value) { this.lifter = value; return this; }
        public Builder deltaWidth(int value) { this.deltaWidth = value; return this; }
        public Builder contrastFmin(double value) { this.contrastFmin = value; return this; }
        public Builder contrastNBands(int value) { this.contrastNBands = value; return this; }
        public Builder contrastQuantile(double value) { this.contrastQuantile = value; return this; }
        public Builder contrastLinear(boolean value) { this.contrastLinear = value; return this; }
        public Builder rollPercent(double value) { this.rollPercent = value; return this; }
        public Builder nChroma(int value) { this.nChroma = value; return this; }
        /**
         * Tuning deviation in fractions of a chroma bin; null estimates it per input ({@code extract}'s whole
         * input), librosa's {@code tuning=None}. The default is 0 (A440).
         */
        public Builder tuning(Double value) { this.tuning = value; return this; }
        /** The resampler recipe for inputs at other rates (librosa's {@code res_type}; default soxr_hq). */
        public Builder resType(ResampleType value) { this.resType = value; return this; }

        @Override
        public FeatureSettings build() {
            return new FeatureSettings(this);
        }
    }
}
