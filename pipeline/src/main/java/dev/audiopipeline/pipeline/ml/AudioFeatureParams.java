package dev.audiopipeline.pipeline.ml;

import dev.audiopipeline.features.FeatureSettings;
import dev.audiopipeline.features.InvalidParameterException;
import dev.audiopipeline.features.ParameterRule;
import dev.audiopipeline.features.dsp.SpectralContrast;
import dev.audiopipeline.pipeline.segment.SegmentSettings;
import dev.audiopipeline.pipeline.track.ExtractionSettings;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;

/**
 * The params of {@link AudioFeatureTransformer}, their getters and every default, in one place (Spark ML's
 * {@code *Params} traits; a Java class because a Java interface cannot hold the param instances).
 *
 * <p>Defaults are {@link FeatureSettings#defaults()}, {@link SegmentSettings#defaults()} and
 * {@link ExtractionSettings#DEFAULT_FILE_TIMEOUT_SECONDS}, read from there. Values are checked all together when
 * the settings are built ({@link #extractionSettings()}, called by {@code transformSchema}, hence by
 * {@code transform} and {@code Pipeline.fit}) by the settings classes themselves, against each parameter's one
 * {@link ParameterRule}; an error names the param whose rule was broken.
 */
public abstract class AudioFeatureParams extends Transformer {
    private static final long serialVersionUID = 1L;

    private final String uid;

    private final Param<String> inputCol;
    private final IntParam sampleRate;
    private final IntParam nFft;
    private final IntParam hopLength;
    private final IntParam nMels;
    private final IntParam nMfcc;
    private final DoubleParam fmin;
    private final DoubleParam fmax;
    private final DoubleParam lifter;
    private final DoubleParam topDb;
    private final DoubleParam contrastFmin;
    private final IntParam contrastNBands;
    private final DoubleParam contrastQuantile;
    private final DoubleParam segmentSeconds;
    private final DoubleParam segmentHopSeconds;
    private final DoubleParam maxSeconds;
    private final DoubleParam fileTimeoutSeconds;

    /** The param that sets each parameter, to name it when the parameter's rule is broken. */
    private final Map<ParameterRule<?>, Param<?>> byRule = new IdentityHashMap<>();

    protected AudioFeatureParams(String uid) {
        this.uid = uid;
        inputCol = new Param<>(uid, "inputCol", "input column: a string column of file URIs (file:, hdfs:, s3a:, "
                + "any Hadoop filesystem) or a binary column of file contents (e.g. 'content' of the binaryFile "
                + "source)");
        sampleRate = ruled(new IntParam(uid, "sampleRate", "rate the audio is resampled to, in Hz"),
                FeatureSettings.SAMPLE_RATE);
        nFft = ruled(new IntParam(uid, "nFft", "FFT length in samples (also the window length)"),
                FeatureSettings.N_FFT);
        hopLength = ruled(new IntParam(uid, "hopLength", "samples between successive frames"),
                FeatureSettings.HOP_LENGTH);
        nMels = ruled(new IntParam(uid, "nMels", "number of mel bands (columns of logmel)"), FeatureSettings.N_MELS);
        nMfcc = ruled(new IntParam(uid, "nMfcc", "number of MFCCs (columns of mfcc), at most nMels"),
                FeatureSettings.N_MFCC);
        fmin = ruled(new DoubleParam(uid, "fmin", "lowest frequency of the mel filterbank, in Hz"),
                FeatureSettings.FMIN);
        fmax = ruled(new DoubleParam(uid, "fmax", "highest frequency of the mel filterbank, in Hz; unset (the "
                + "default) means sampleRate / 2"), FeatureSettings.FMAX);
        lifter = ruled(new DoubleParam(uid, "lifter", "cepstral liftering coefficient; 0 for none"),
                FeatureSettings.LIFTER);
        topDb = ruled(new DoubleParam(uid, "topDb", "floor of the log-mel spectrogram in dB below its maximum; "
                + "Infinity for no floor (librosa's top_db=None)"), FeatureSettings.TOP_DB);
        contrastFmin = ruled(new DoubleParam(uid, "contrastFmin", "upper edge of the lowest spectral-contrast "
                + "band, in Hz"), FeatureSettings.CONTRAST_FMIN);
        contrastNBands = ruled(new IntParam(uid, "contrastNBands", "number of spectral-contrast octave bands "
                + "(contrast has one column more)"), FeatureSettings.CONTRAST_N_BANDS);
        contrastQuantile = ruled(new DoubleParam(uid, "contrastQuantile", "share of each band taken as its "
                + "peak and its valley, in (0, 1)"), FeatureSettings.CONTRAST_QUANTILE);
        segmentSeconds = ruled(new DoubleParam(uid, "segmentSeconds", "length of a segment, in seconds; audio "
                + "after the last whole segment is dropped"), SegmentSettings.SEGMENT_SECONDS);
        segmentHopSeconds = ruled(new DoubleParam(uid, "segmentHopSeconds", "seconds between segment starts; "
                + "less than segmentSeconds to overlap"), SegmentSettings.HOP_SECONDS);
        maxSeconds = ruled(new DoubleParam(uid, "maxSeconds", "how much of each input is used at most, from "
                + "its start, in seconds; 0 for all of it"), SegmentSettings.MAX_SECONDS);
        fileTimeoutSeconds = ruled(new DoubleParam(uid, "fileTimeoutSeconds", "the most one input may take "
                + "(reading, decoding, features), in seconds, before it becomes a timeout error row"),
                ExtractionSettings.FILE_TIMEOUT_SECONDS);

        FeatureSettings features = FeatureSettings.defaults();
        SegmentSettings segments = SegmentSettings.defaults();
        setDefault(inputCol, "path");
        setDefault(sampleRate, features.sampleRate());
        setDefault(nFft, features.nFft());
        setDefault(hopLength, features.hopLength());
        setDefault(nMels, features.nMels());
        setDefault(nMfcc, features.nMfcc());
        setDefault(fmin, features.fmin());
        // fmax has no default: the settings' default depends on the sample rate.
        setDefault(lifter, features.lifter());
        setDefault(topDb, features.topDb() == null ? Double.POSITIVE_INFINITY : features.topDb());
        setDefault(contrastFmin, features.contrastFmin());
        setDefault(contrastNBands, features.contrastNBands());
        setDefault(contrastQuantile, features.contrastQuantile());
        setDefault(segmentSeconds, segments.segmentSeconds());
        setDefault(segmentHopSeconds, segments.hopSeconds());
        setDefault(maxSeconds, segments.maxSeconds());
        setDefault(fileTimeoutSeconds, ExtractionSettings.DEFAULT_FILE_TIMEOUT_SECONDS);
    }

    private <P extends Param<?>> P ruled(P param, ParameterRule<?> rule) {
        byRule.put(rule, param);
        return param;
    }

    @Override
    public String uid() {
        return uid;
    }

    // Spark finds params through public no-argument methods returning a Param: one per param.

    public Param<String> inputCol() { return inputCol; }
    public IntParam sampleRate() { return sampleRate; }
    public IntParam nFft() { return nFft; }
    public IntParam hopLength() { return hopLength; }
    public IntParam nMels() { return nMels; }
    public IntParam nMfcc() { return nMfcc; }
    public DoubleParam fmin() { return fmin; }
    public DoubleParam fmax() { return fmax; }
    public DoubleParam lifter() { return lifter; }
    public DoubleParam topDb() { return topDb; }
    public DoubleParam contrastFmin() { return contrastFmin; }
    public IntParam contrastNBands() { return contrastNBands; }
    public DoubleParam contrastQuantile() { return contrastQuantile; }
    public DoubleParam segmentSeconds() { return segmentSeconds; }
    public DoubleParam segmentHopSeconds() { return segmentHopSeconds; }
    public DoubleParam maxSeconds() { return maxSeconds; }
    public DoubleParam fileTimeoutSeconds() { return fileTimeoutSeconds; }

    public String getInputCol() { return getOrDefault(inputCol); }
    public int getSampleRate() { return (Integer) getOrDefault(sampleRate); }
    public int getNFft() { return (Integer) getOrDefault(nFft); }
    public int getHopLength() { return (Integer) getOrDefault(hopLength); }
    public int getNMels() { return (Integer) getOrDefault(nMels); }
    public int getNMfcc() { return (Integer) getOrDefault(nMfcc); }
    public double getFmin() { return (Double) getOrDefault(fmin); }
    /** The highest mel frequency, or null when unset (sampleRate / 2). */
    public Double getFmax() { return isDefined(fmax) ? (Double) getOrDefault(fmax) : null; }
    public double getLifter() { return (Double) getOrDefault(lifter); }
    public double getTopDb() { return (Double) getOrDefault(topDb); }
    public double getContrastFmin() { return (Double) getOrDefault(contrastFmin); }
    public int getContrastNBands() { return (Integer) getOrDefault(contrastNBands); }
    public double getContrastQuantile() { return (Double) getOrDefault(contrastQuantile); }
    public double getSegmentSeconds() { return (Double) getOrDefault(segmentSeconds); }
    public double getSegmentHopSeconds() { return (Double) getOrDefault(segmentHopSeconds); }
    public double getMaxSeconds() { return (Double) getOrDefault(maxSeconds); }
    public double getFileTimeoutSeconds() { return (Double) getOrDefault(fileTimeoutSeconds); }

    /**
     * The feature kernel's settings these params describe (the others at their defaults).
     *
     * @throws IllegalArgumentException naming the param whose value is invalid
     */
    public FeatureSettings featureSettings() {
        double floor = getTopDb();
        FeatureSettings settings = validated(() -> FeatureSettings.builder()
                .sampleRate(getSampleRate())
                .nFft(getNFft())
                .hopLength(getHopLength())
                .nMels(getNMels())
                .nMfcc(getNMfcc())
                .fmin(getFmin())
                .fmax(getFmax())
                .lifter(getLifter())
                .topDb(floor == Double.POSITIVE_INFINITY ? null : floor)
                .contrastFmin(getContrastFmin())
                .contrastNBands(getContrastNBands())
                .contrastQuantile(getContrastQuantile())
                .build());
        // FeatureSettings defers this check to extraction; every row here needs contrast, so fail before any data.
        try {
            SpectralContrast.create(settings.sampleRate(), settings.nFft(), settings.contrastFmin(),
                    settings.contrastNBands(), settings.contrastQuantile(), settings.contrastLinear());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(uid + ": params contrastFmin, contrastNBands, sampleRate and nFft "
                    + "do not fit together: " + e.getMessage(), e);
        }
        return settings;
    }

    /**
     * How inputs are cut into segments (the tail policy at its default, {@code DROP}).
     *
     * @throws IllegalArgumentException naming the param whose value is invalid
     */
    public SegmentSettings segmentSettings() {
        SegmentSettings defaults = SegmentSettings.defaults();
        return validated(() -> new SegmentSettings(getSegmentSeconds(), getSegmentHopSeconds(), defaults.tail(),
                defaults.minTailFraction(), getMaxSeconds()));
    }

    /**
     * Everything the transformer computes with: features, segments and the per-file time limit.
     *
     * @throws IllegalArgumentException naming the param whose value is invalid
     */
    public ExtractionSettings extractionSettings() {
        FeatureSettings features = featureSettings();
        SegmentSettings segments = segmentSettings();
        return validated(() -> new ExtractionSettings(features, segments, getFileTimeoutSeconds()));
    }

    private <T> T validated(java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidParameterException e) {
            Param<?> param = byRule.get(e.rule());
            if (param != null) {
                throw new IllegalArgumentException(uid + ": invalid value of param " + param.name() + ": "
                        + e.getMessage(), e);
            }
            throw new IllegalArgumentException(uid + ": invalid params: " + e.getMessage(), e);
        }
    }
}
