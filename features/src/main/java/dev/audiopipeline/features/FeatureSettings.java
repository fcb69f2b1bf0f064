package dev.audiopipeline.features;

import dev.audiopipeline.features.resample.ResampleType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Every parameter of the feature kernel, immutable and validated when built.
 *
 * <p>Defaults are librosa 0.11's (see {@link #defaults()}), except {@code n_mfcc}, which is the product's 13
 * (librosa's is 20). Fixed conventions that are not configurable (periodic Hann window, constant padding,
 * Slaney mel scale with Slaney norm, DCT-II ortho) are still listed in {@link #asMap()} so that they are part of
 * the {@link #hash()} that is stored beside features and models.
 *
 * <p>Builder validation throws {@link IllegalArgumentException} naming the parameter and the bad value, e.g.
 * {@code "n_fft must be > 0, got 0"}. One check is deferred: whether the spectral-contrast octave bands fit below
 * Nyquist, because that only matters when contrast is requested (see {@link FeatureExtractor}).
 */
public final class FeatureSettings implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final int sampleRate;
    private final int nFft;
    private final int hopLength;
    private final int winLength;
    private final boolean center;
    private final double power;
    private final int nMels;
    private final double fmin;
    private final double fmax;
    private final double ref;
    private final double amin;
    private final Double topDb;
    private final int nMfcc;
    private final double lifter;
    private final int deltaWidth;
    private final double contrastFmin;
    private final int contrastNBands;
    private final double contrastQuantile;
    private final boolean contrastLinear;
    private final double rollPercent;
    private final int nChroma;
    private final double tuning;
    private final ResampleType resType;

    private final Map<String, Object> map;
    private final String hash;

    private FeatureSettings(Builder b) {
        this.sampleRate = b.sampleRate;
        this.nFft = b.nFft;
        this.hopLength = b.hopLength;
        this.winLength = b.winLength == null ? b.nFft : b.winLength;
        this.center = b.center;
        this.power = b.power;
        this.nMels = b.nMels;
        this.fmin = b.fmin;
        this.fmax = b.fmax == null ? b.sampleRate / 2.0 : b.fmax;
        this.ref = b.ref;
        this.amin = b.amin;
        this.topDb = b.topDb;
        this.nMfcc = b.nMfcc;
        this.lifter = b.lifter;
        this.deltaWidth = b.deltaWidth;
        this.contrastFmin = b.contrastFmin;
        this.contrastNBands = b.contrastNBands;
        this.contrastQuantile = b.contrastQuantile;
        this.contrastLinear = b.contrastLinear;
        this.rollPercent = b.rollPercent;
        this.nChroma = b.nChroma;
        this.tuning = b.tuning;
        this.resType = java.util.Objects.requireNonNull(b.resType, "res_type");
        validate();
        this.map = Collections.unmodifiableMap(buildMap());
        this.hash = CanonicalSettings.hash(map);
    }

    /** librosa 0.11 defaults, with the product's {@code n_mfcc = 13}. */
    public static FeatureSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.sampleRate = sampleRate;
        b.nFft = nFft;
        b.hopLength = hopLength;
        b.winLength = winLength;
        b.center = center;
        b.power = power;
        b.nMels = nMels;
        b.fmin = fmin;
        b.fmax = fmax;
        b.ref = ref;
        b.amin = amin;
        b.topDb = topDb;
        b.nMfcc = nMfcc;
        b.lifter = lifter;
        b.deltaWidth = deltaWidth;
        b.contrastFmin = contrastFmin;
        b.contrastNBands = contrastNBands;
        b.contrastQuantile = contrastQuantile;
        b.contrastLinear = contrastLinear;
        b.rollPercent = rollPercent;
        b.nChroma = nChroma;
        b.tuning = tuning;
        b.resType = resType;
        return b;
    }

    private void validate() {
        require(sampleRate > 0, "sample_rate must be > 0, got " + sampleRate);
        require(nFft > 0, "n_fft must be > 0, got " + nFft);
        require(hopLength > 0, "hop_length must be > 0, got " + hopLength);
        require(winLength > 0 && winLength <= nFft,
                "win_length must be in [1, n_fft=" + nFft + "], got " + winLength);
        requireFinite(power, "power");
        require(power > 0, "power must be > 0, got " + power);
        require(nMels > 0, "n_mels must be > 0, got " + nMels);
        requireFinite(fmin, "fmin");
        require(fmin >= 0, "fmin must be >= 0, got " + fmin);
        requireFinite(fmax, "fmax");
        require(fmax > fmin, "fmax must be > fmin=" + fmin + ", got " + fmax);
        require(fmax <= sampleRate / 2.0,
                "fmax must be <= sample_rate/2=" + (sampleRate / 2.0) + ", got " + fmax);
        requireFinite(ref, "ref");
        require(ref > 0, "ref must be > 0, got " + ref);
        requireFinite(amin, "amin");
        require(amin > 0, "amin must be > 0, got " + amin);
        if (topDb != null) {
            requireFinite(topDb, "top_db");
            require(topDb >= 0, "top_db must be >= 0 (or None), got " + topDb);
        }
        require(nMfcc > 0 && nMfcc <= nMels, "n_mfcc must be in [1, n_mels=" + nMels + "], got " + nMfcc);
        requireFinite(lifter, "lifter");
        require(lifter >= 0, "lifter must be >= 0, got " + lifter);
        require(deltaWidth >= 3 && deltaWidth % 2 == 1, "delta_width must be an odd integer >= 3, got " + deltaWidth);
        requireFinite(contrastFmin, "contrast_fmin");
        require(contrastFmin > 0, "contrast_fmin must be > 0, got " + contrastFmin);
        require(contrastNBands > 0, "contrast_n_bands must be > 0, got " + contrastNBands);
        require(contrastQuantile > 0 && contrastQuantile < 1,
                "contrast_quantile must lie in (0, 1), got " + contrastQuantile);
        require(rollPercent > 0 && rollPercent < 1, "roll_percent must lie in (0, 1), got " + rollPercent);
        require(nChroma > 0, "n_chroma must be > 0, got " + nChroma);
        requireFinite(tuning, "tuning");
        require(tuning >= -0.5 && tuning < 0.5, "tuning must lie in [-0.5, 0.5), got " + tuning);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private static void requireFinite(double value, String name) {
        require(Double.isFinite(value), name + " must be finite, got " + value);
    }

    private Map<String, Object> buildMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sample_rate", sampleRate);
        m.put("n_fft", nFft);
        m.put("hop_length", hopLength);
        m.put("win_length", winLength);
        m.put("window", "hann");
        m.put("center", center);
        m.put("pad_mode", "constant");
        m.put("power", power);
        m.put("n_mels", nMels);
        m.put("fmin", fmin);
        m.put("fmax", fmax);
        m.put("htk", false);
        m.put("mel_norm", "slaney");
        m.put("ref", ref);
        m.put("amin", amin);
        m.put("top_db", topDb);
        m.put("n_mfcc", nMfcc);
        m.put("dct_type", 2);
        m.put("dct_norm", "ortho");
        m.put("lifter", lifter);
        m.put("delta_width", deltaWidth);
        m.put("delta_mode", "interp");
        m.put("contrast_fmin", contrastFmin);
        m.put("contrast_n_bands", contrastNBands);
        m.put("contrast_quantile", contrastQuantile);
        m.put("contrast_linear", contrastLinear);
        m.put("roll_percent", rollPercent);
        m.put("n_chroma", nChroma);
        m.put("tuning", tuning);
        m.put("res_type", resType.librosaName());
        return m;
    }

    /** One {@code name=value} line per parameter in {@link #asMap()} order; doubles in Java's shortest repr. */
    public String canonicalText() {
        return CanonicalSettings.text(map);
    }

    /** Every parameter, in a stable order, under librosa's names (null means Python's None). Unmodifiable. */
    public Map<String, Object> asMap() {
        return map;
    }

    /** SHA-256 (lowercase hex) of {@link #canonicalText()}: stable across JVMs and runs. */
    public String hash() {
        return hash;
    }

    public int sampleRate() { return sampleRate; }
    public int nFft() { return nFft; }
    public int hopLength() { return hopLength; }
    public int winLength() { return winLength; }
    public boolean center() { return center; }
    public double power() { return power; }
    public int nMels() { return nMels; }
    public double fmin() { return fmin; }
    public double fmax() { return fmax; }
    public double ref() { return ref; }
    public double amin() { return amin; }
    /** The dB floor below the maximum, or null for no floor (librosa's {@code top_db=None}). */
    public Double topDb() { return topDb; }
    public int nMfcc() { return nMfcc; }
    public double lifter() { return lifter; }
    public int deltaWidth() { return deltaWidth; }
    public double contrastFmin() { return contrastFmin; }
    public int contrastNBands() { return contrastNBands; }
    public double contrastQuantile() { return contrastQuantile; }
    public boolean contrastLinear() { return contrastLinear; }
    public double rollPercent() { return rollPercent; }
    public int nChroma() { return nChroma; }
    public double tuning() { return tuning; }
    /** How audio at another rate is brought to {@link #sampleRate()} (librosa's {@code res_type}). */
    public ResampleType resType() { return resType; }
    /** Number of frequency bins of the one-sided spectrum, {@code 1 + n_fft / 2}. */
    public int nBins() { return 1 + nFft / 2; }

    /** Frames librosa produces for {@code nSamples} samples: {@code 1 + len // hop} with centring for even n_fft. */
    public int frameCount(int nSamples) {
        int padded = center ? nSamples + 2 * (nFft / 2) : nSamples;
        if (padded < nFft) {
            return 0;
        }
        return 1 + (padded - nFft) / hopLength;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureSettings && ((FeatureSettings) o).map.equals(map);
    }

    @Override
    public int hashCode() {
        return Objects.hash(map);
    }

    @Override
    public String toString() {
        return "FeatureSettings" + map;
    }

    /** Mutable builder; every setter takes librosa's meaning of the parameter. */
    public static final class Builder {
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
        private double tuning = 0.0;
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
        /** Tuning deviation in fractions of a chroma bin; librosa estimates it per input, here it is fixed. */
        public Builder tuning(double value) { this.tuning = value; return this; }
        /** The resampler recipe for inputs at other rates (librosa's {@code res_type}; default soxr_hq). */
        public Builder resType(ResampleType value) { this.resType = value; return this; }

        public FeatureSettings build() {
            return new FeatureSettings(this);
        }
    }
}
