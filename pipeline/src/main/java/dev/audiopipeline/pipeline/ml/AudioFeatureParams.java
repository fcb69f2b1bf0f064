package dev.audiopipeline.pipeline.ml;

import dev.audiopipeline.features.FeatureSettings;
import dev.audiopipeline.features.dsp.SpectralContrast;
import dev.audiopipeline.pipeline.segment.SegmentSettings;
import dev.audiopipeline.pipeline.track.ExtractionSettings;
import java.util.LinkedHashMap;
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
 * {@code transform} and {@code Pipeline.fit}) by the settings classes themselves; an error names the param.
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

    /** How each settings class starts the message of an invalid value, to name the param in errors. */
    private final Map<String, Param<?>> byMessageStart = new LinkedHashMap<>();

    protected AudioFeatureParams(String uid) {
        this.uid = uid;
        inputCol = new Param<>(uid, "inputCol", "input column: a string column of file URIs (file:, hdfs:, s3a:, "
                + "any Hadoop filesystem) or a binary column of file contents (e.g. 'content' of the binaryFile "
                + "source)");
        sampleRate = feature(new IntParam(uid, "sampleRate", "rate the audio is resampled to, in Hz"),
                "sample_rate");
        nFft = feature(new IntParam(uid, "nFft", "FFT length in samples (also the window length)"), "n_fft");
        hopLength = feature(new IntParam(uid, "hopLength", "samples between successive frames"), "hop_length");
        nMels = feature(new IntParam(uid, "nMels", "number of mel bands (columns of logmel)"), "n_mels");
        nMfcc = feature(new IntParam(uid, "nMfcc", "number of MFCCs (columns of mfcc), at most nMels"), "n_mfcc");
        fmin = feature(new DoubleParam(uid, "fmin", "lowest frequency of the mel filterbank, in Hz"), "fmin");
        fmax = feature(new DoubleParam(uid, "fmax", "highest frequency of the mel filterbank, in Hz; unset (the "
                + "default) means sampleRate / 2"), "fmax");
        lifter = feature(new DoubleParam(uid, "lifter", "cepstral liftering coefficient; 0 for none"), "lifter");
        topDb = feature(new DoubleParam(uid, "topDb", "floor of the log-mel spectrogram in dB below its maximum; "
                + "Infinity for no floor (librosa's top_db=None)"), "top_db");
        contrastFmin = feature(new DoubleParam(uid, "contrastFmin", "upper edge of the lowest spectral-contrast "
                + "band, in Hz"), "contrast_fmin");
        contrastNBands = feature(new IntParam(uid, "contrastNBands", "number of spectral-contrast octave bands "
                + "(contrast has one column more)"), "contrast_n_bands");
        contrastQuantile = feature(new DoubleParam(uid, "contrastQuantile", "share of each band taken as its "
                + "peak and its valley, in (0, 1)"), "contrast_quantile");
        segmentSeconds = message(new DoubleParam(uid, "segmentSeconds", "length of a segment, in seconds; audio "
                + "after the last whole segment is dropped"), "segment length");
        segmentHopSeconds = message(new DoubleParam(uid, "segmentHopSeconds", "seconds between segment starts; "
                + "less than segmentSeconds to overlap"), "segment hop");
        maxSeconds = message(new DoubleParam(uid, "maxSeconds", "how much of each input is used at most, from "
                + "its start, in seconds; 0 for all of it"), "maximum seconds");
        fileTimeoutSeconds = message(new DoubleParam(uid, "fileTimeoutSeconds", "the most one input may take "
                + "(reading, decoding, features), in seconds, before it becomes a timeout error row"),
                "file timeout");

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

    private <P extends Param<?>> P feature(P param, String librosaName) {
        return message(param, librosaName + " ");
    }

    private <P extends Param<?>> P message(P param, String messageStart) {
        byMessageStart.put(messageStart, param);
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
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            for (Map.Entry<String, Param<?>> entry : byMessageStart.entrySet()) {
                if (message.startsWith(entry.getKey())) {
                    throw new IllegalArgumentException(uid + ": invalid value of param " + entry.getValue().name()
                            + ": " + message, e);
                }
            }
            throw new IllegalArgumentException(uid + ": invalid params: " + message, e);
        }
    }
}
