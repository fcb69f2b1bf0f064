package dev.audiopipeline.features;

import dev.audiopipeline.features.dsp.ChromaFilterbank;
import dev.audiopipeline.features.dsp.Delta;
import dev.audiopipeline.features.dsp.MelFilterbank;
import dev.audiopipeline.features.dsp.Mfcc;
import dev.audiopipeline.features.dsp.PowerToDb;
import dev.audiopipeline.features.dsp.SpectralContrast;
import dev.audiopipeline.features.dsp.SpectralShape;
import dev.audiopipeline.features.dsp.Stft;
import dev.audiopipeline.features.dsp.TimeDomainFeatures;
import dev.audiopipeline.features.dsp.TuningEstimator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Computes librosa 0.11-equivalent features of mono float samples at the settings' sample rate, all spectral
 * features from ONE STFT per input, frame by frame.
 *
 * <p>What it matches (with the settings' parameters; librosa names):
 * <ul>
 *   <li>{@link Feature#STFT_MAG}: {@code abs(stft(y, n_fft, hop_length, win_length, window='hann', center,
 *       pad_mode='constant'))};</li>
 *   <li>{@link Feature#MEL}: {@code melspectrogram(..., power, n_mels, fmin, fmax)} (Slaney scale and norm);</li>
 *   <li>{@link Feature#LOGMEL}: {@code power_to_db(mel, ref, amin, top_db)}, the floor relative to the maximum
 *       over the WHOLE input given;</li>
 *   <li>{@link Feature#MFCC}: {@code mfcc(S=logmel, n_mfcc, dct_type=2, norm='ortho', lifter)};</li>
 *   <li>{@link Feature#MFCC_DELTA}: {@code delta(mfcc, width=delta_width, order=1, mode='interp')};</li>
 *   <li>{@link Feature#CONTRAST}: {@code spectral_contrast(S=|X|, fmin, n_bands, quantile, linear)};</li>
 *   <li>{@link Feature#CENTROID}, {@link Feature#BANDWIDTH}, {@link Feature#ROLLOFF}: librosa's
 *       {@code spectral_centroid}, {@code spectral_bandwidth} (p=2, norm), {@code spectral_rolloff(roll_percent)}
 *       from the magnitude STFT;</li>
 *   <li>{@link Feature#CHROMA}: {@code chroma_stft(S=|X|^2, norm=inf, n_chroma, tuning=tuning)}. With the
 *       setting {@code tuning} null (librosa's default {@code tuning=None}) the tuning is estimated from the
 *       power spectrogram of the whole input given, as librosa's {@code estimate_tuning} does
 *       ({@link TuningEstimator}), and the STFT is computed a second time for chroma; otherwise it is that value
 *       (default 0.0, A440);</li>
 *   <li>{@link Feature#RMS}: {@code rms(y, frame_length=n_fft, hop_length, center)} (time domain, zero padding);
 *       {@link Feature#ZCR}: {@code zero_crossing_rate(y, frame_length=n_fft, hop_length, center)} (edge
 *       padding, threshold 1e-10). These two read the samples, not the STFT, exactly as librosa does.</li>
 * </ul>
 * Every matrix is {@code [frame][column]} (one row per frame, transposed relative to librosa).
 *
 * <p>Only what is requested (and what it depends on) is computed. Windows, filterbanks and DCT tables are built
 * once in the constructor; FFT plans and scratch buffers are per thread ({@link ThreadLocal}), so one extractor
 * can be shared between threads and the per-frame loop allocates nothing. {@link #forSettings} caches extractors.
 */
public final class FeatureExtractor {

    private static final ConcurrentHashMap<FeatureSettings, FeatureExtractor> CACHE = new ConcurrentHashMap<>();
    /** Frames per block of the spectral loop (see {@link MelFilterbank#apply4}). */
    private static final int BLOCK = 4;

    private static final Set<Feature> NEEDS_MEL =
            EnumSet.of(Feature.MEL, Feature.LOGMEL, Feature.MFCC, Feature.MFCC_DELTA);
    /** Contrast selects on power and square-roots only what it keeps, so it does not need the magnitudes. */
    private static final Set<Feature> NEEDS_MAGNITUDE =
            EnumSet.of(Feature.STFT_MAG, Feature.CENTROID, Feature.BANDWIDTH, Feature.ROLLOFF);

    private final FeatureSettings settings;
    private final Stft stft;
    private final MelFilterbank melFilterbank;
    private final PowerToDb powerToDb;
    private final Mfcc mfcc;
    private final SpectralContrast contrast;
    private final String contrastError;
    private final SpectralShape spectralShape;
    /** The chroma filterbank for each tuning used (one when the tuning is fixed, at most 100 when estimated). */
    private final ConcurrentHashMap<Double, ChromaFilterbank> chromaFilterbanks = new ConcurrentHashMap<>();
    private final ThreadLocal<Workspace> workspaces;

    public FeatureExtractor(FeatureSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.stft = new Stft(settings.nFft(), settings.hopLength(), settings.winLength(), settings.center());
        this.melFilterbank = MelFilterbank.create(settings.sampleRate(), settings.nFft(), settings.nMels(),
                settings.fmin(), settings.fmax());
        this.powerToDb = new PowerToDb(settings.ref(), settings.amin(), settings.topDb());
        this.mfcc = new Mfcc(settings.nMfcc(), settings.nMels(), settings.lifter());
        SpectralContrast plan = null;
        String error = null;
        try {
            plan = SpectralContrast.create(settings.sampleRate(), settings.nFft(), settings.contrastFmin(),
                    settings.contrastNBands(), settings.contrastQuantile(), settings.contrastLinear());
        } catch (IllegalArgumentException e) {
            // Settings valid for everything but contrast (e.g. 8 kHz audio with 6 bands from 200 Hz) stay usable.
            error = e.getMessage();
        }
        this.contrast = plan;
        this.contrastError = error;
        this.spectralShape = new SpectralShape(settings.sampleRate(), settings.nFft(), settings.rollPercent());
        this.workspaces = ThreadLocal.withInitial(Workspace::new);
    }

    /**
     * A shared extractor for these settings, built once per distinct settings in this JVM (an unbounded cache:
     * meant for the handful of settings a job uses).
     */
    public static FeatureExtractor forSettings(FeatureSettings settings) {
        return CACHE.computeIfAbsent(settings, FeatureExtractor::new);
    }

    public FeatureSettings settings() {
        return settings;
    }

    /** The mel filterbank in use. */
    public MelFilterbank melFilterbank() {
        return melFilterbank;
    }

    /**
     * Every feature. Needs at least {@code delta_width} frames (for the delta) and contrast bands below Nyquist;
     * prefer {@link #extract(float[], Set)} with only what is used.
     */
    public FeatureResult extract(float[] samples) {
        return extract(samples, EnumSet.allOf(Feature.class));
    }

    /**
     * Computes the requested features (and those they derive from) of {@code samples}.
     *
     * @param samples mono samples at {@code settings().sampleRate()}, not modified
     * @throws IllegalArgumentException if samples are empty, too short for {@code n_fft} without centring, hold a
     *     NaN or infinite value (the message names the first bad index), or a requested feature cannot be computed
     *     under these settings (contrast bands above Nyquist; delta over fewer frames than its width)
     */
    public FeatureResult extract(float[] samples, Set<Feature> features) {
        Objects.requireNonNull(samples, "samples");
        if (features.isEmpty()) {
            throw new IllegalArgumentException("no feature requested");
        }
        validateSamples(samples);
        int frames = stft.frameCount(samples.length);
        if (frames == 0) {
            throw new IllegalArgumentException("input of " + samples.length + " samples is shorter than n_fft="
                    + settings.nFft() + " (center=false)");
        }
        if (features.contains(Feature.CONTRAST) && contrast == null) {
            throw new IllegalArgumentException(contrastError);
        }
        Set<Feature> requested = EnumSet.copyOf(features);
        boolean wantMel = containsAny(requested, NEEDS_MEL);
        boolean wantMagnitude = containsAny(requested, NEEDS_MAGNITUDE);
        boolean wantChroma = requested.contains(Feature.CHROMA);
        EnumMap<Feature, float[][]> out = new EnumMap<>(Feature.class);

        if (wantMel || wantMagnitude || wantChroma || requested.contains(Feature.CONTRAST)) {
            spectralFeatures(samples, frames, requested, wantMel, wantMagnitude, wantChroma, out);
        }
        if (requested.contains(Feature.RMS) || requested.contains(Feature.ZCR)) {
            timeDomainFeatures(samples, frames, requested, out);
        }
        return new FeatureResult(settings, frames, requested, out);
    }

    private void spectralFeatures(float[] samples, int frames, Set<Feature> requested, boolean wantMel,
                                  boolean wantMagnitude, boolean wantChroma, EnumMap<Feature, float[][]> out) {
        Workspace ws = workspaces.get();
        int nBins = stft.nBins();
        boolean wantStft = requested.contains(Feature.STFT_MAG);
        boolean wantContrast = requested.contains(Feature.CONTRAST);
        boolean wantCentroid = requested.contains(Feature.CENTROID);
        boolean wantBandwidth = requested.contains(Feature.BANDWIDTH);
        boolean wantRolloff = requested.contains(Feature.ROLLOFF);

        float[][] mel = wantMel ? new float[frames][settings.nMels()] : null;
        float[][] stftMag = wantStft ? new float[frames][nBins] : null;
        double[][] peaks = wantContrast ? new double[frames][contrast.nBands()] : null;
        double[][] valleys = wantContrast ? new double[frames][contrast.nBands()] : null;
        float[][] centroid = wantCentroid || wantBandwidth ? new float[frames][1] : null;
        float[][] bandwidth = wantBandwidth ? new float[frames][1] : null;
        float[][] rolloff = wantRolloff ? new float[frames][1] : null;
        float[][] chroma = wantChroma ? new float[frames][settings.nChroma()] : null;
        TuningEstimator tuning = wantChroma && settings.tuning() == null
                ? new TuningEstimator(settings.sampleRate(), settings.nFft(), settings.nChroma()) : null;
        ChromaFilterbank chromaFilterbank = wantChroma && tuning == null ? chromaFilterbank(settings.tuning()) : null;
        double melExponent = settings.power() / 2.0; // mel input is |X|^power = (|X|^2)^(power/2)

        // Frames in blocks of four: the mel filterbank is applied to a whole block at once (MelFilterbank.apply4).
        for (int first = 0; first < frames; first += BLOCK) {
            int count = Math.min(BLOCK, frames - first);
            for (int j = 0; j < count; j++) {
                int t = first + j;
                double[] power = ws.power[j];
                double[] magnitude = ws.magnitude[j];
                ws.plan.powerSpectrum(samples, t, power);
                if (wantMagnitude || (wantMel && melExponent != 1.0)) {
                    for (int k = 0; k < nBins; k++) {
                        magnitude[k] = Math.sqrt(power[k]);
                    }
                }
                if (wantStft) {
                    float[] row = stftMag[t];
                    for (int k = 0; k < nBins; k++) {
                        row[k] = (float) magnitude[k];
                    }
                }
                if (wantContrast) {
                    contrast.peaksAndValleys(power, peaks[t], valleys[t], ws.contrastScratch);
                }
                if (centroid != null) {
                    double c = spectralShape.centroid(magnitude);
                    centroid[t][0] = (float) c;
                    if (wantBandwidth) {
                        bandwidth[t][0] = (float) spectralShape.bandwidth(magnitude, c);
                    }
                }
                if (wantRolloff) {
                    rolloff[t][0] = (float) spectralShape.rolloff(magnitude);
                }
                if (tuning != null) {
                    tuning.accept(power);
                } else if (wantChroma) {
                    chromaFilterbank.apply(power, chroma[t]);
                }
            }
            if (wantMel) {
                melBlock(ws, melExponent, nBins, mel, first, count);
            }
        }

        if (tuning != null) {
            // The filterbank depends on the whole input's tuning: a second pass rather than holding every spectrum.
            ChromaFilterbank estimated = chromaFilterbank(tuning.estimate());
            double[] power = ws.power[0];
            for (int t = 0; t < frames; t++) {
                ws.plan.powerSpectrum(samples, t, power);
                estimated.apply(power, chroma[t]);
            }
        }
        if (wantMel) {
            melDerivedFeatures(mel, frames, requested, out);
        }
        putIf(out, Feature.STFT_MAG, stftMag);
        if (wantContrast) {
            out.put(Feature.CONTRAST, contrast.contrast(peaks, valleys));
        }
        if (wantCentroid) {
            out.put(Feature.CENTROID, centroid);
        }
        putIf(out, Feature.BANDWIDTH, bandwidth);
        putIf(out, Feature.ROLLOFF, rolloff);
        putIf(out, Feature.CHROMA, chroma);
    }

    private ChromaFilterbank chromaFilterbank(double tuning) {
        return chromaFilterbanks.computeIfAbsent(tuning, value -> ChromaFilterbank.create(settings.sampleRate(),
                settings.nFft(), settings.nChroma(), value));
    }

    /** Mel rows {@code first .. first+count-1} from the block's spectra in the workspace. */
    private void melBlock(Workspace ws, double exponent, int nBins, float[][] mel, int first, int count) {
        if (count < BLOCK) {
            for (int j = 0; j < count; j++) {
                melFilterbank.apply(melInput(ws, j, exponent, nBins), mel[first + j]);
            }
            return;
        }
        melFilterbank.apply4(melInput(ws, 0, exponent, nBins), melInput(ws, 1, exponent, nBins),
                melInput(ws, 2, exponent, nBins), melInput(ws, 3, exponent, nBins),
                mel[first], mel[first + 1], mel[first + 2], mel[first + 3]);
    }

    /** The block's frame {@code j} as the mel filterbank takes it: {@code |X|^power}. */
    private static double[] melInput(Workspace ws, int j, double exponent, int nBins) {
        if (exponent == 1.0) {
            return ws.power[j];
        }
        if (exponent == 0.5) {
            return ws.magnitude[j];
        }
        double[] input = ws.melInput[j];
        for (int k = 0; k < nBins; k++) {
            input[k] = Math.pow(ws.power[j][k], exponent);
        }
        return input;
    }

    private void melDerivedFeatures(float[][] mel, int frames, Set<Feature> requested,
                                    EnumMap<Feature, float[][]> out) {
        boolean wantMfcc = requested.contains(Feature.MFCC) || requested.contains(Feature.MFCC_DELTA);
        boolean wantLogMel = wantMfcc || requested.contains(Feature.LOGMEL);
        if (requested.contains(Feature.MEL)) {
            out.put(Feature.MEL, mel);
        }
        if (!wantLogMel) {
            return;
        }
        float[][] logMel = mel;
        if (requested.contains(Feature.MEL)) {
            logMel = new float[frames][];
            for (int t = 0; t < frames; t++) {
                logMel[t] = mel[t].clone();
            }
        }
        powerToDb.applyInPlace(logMel);
        out.put(Feature.LOGMEL, logMel);
        if (!wantMfcc) {
            return;
        }
        float[][] coefficients = new float[frames][mfcc.nMfcc()];
        mfcc.apply(logMel, coefficients);
        out.put(Feature.MFCC, coefficients);
        if (requested.contains(Feature.MFCC_DELTA)) {
            out.put(Feature.MFCC_DELTA, Delta.compute(coefficients, settings.deltaWidth()));
        }
    }

    private void timeDomainFeatures(float[] samples, int frames, Set<Feature> requested,
                                    EnumMap<Feature, float[][]> out) {
        int frameLength = settings.nFft();
        if (requested.contains(Feature.RMS)) {
            float[][] rms = new float[frames][1];
            for (int t = 0; t < frames; t++) {
                rms[t][0] = (float) TimeDomainFeatures.rms(samples, stft.frameStart(t), frameLength);
            }
            out.put(Feature.RMS, rms);
        }
        if (requested.contains(Feature.ZCR)) {
            float[][] zcr = new float[frames][1];
            for (int t = 0; t < frames; t++) {
                zcr[t][0] = (float) TimeDomainFeatures.zeroCrossingRate(samples, stft.frameStart(t), frameLength);
            }
            out.put(Feature.ZCR, zcr);
        }
    }

    private static void validateSamples(float[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("samples must not be empty");
        }
        for (int i = 0; i < samples.length; i++) {
            if (!Float.isFinite(samples[i])) {
                throw new IllegalArgumentException("samples[" + i + "] is " + samples[i]
                        + "; audio must be finite everywhere");
            }
        }
    }

    private static boolean containsAny(Set<Feature> requested, Set<Feature> candidates) {
        for (Feature f : candidates) {
            if (requested.contains(f)) {
                return true;
            }
        }
        return false;
    }

    private static void putIf(EnumMap<Feature, float[][]> out, Feature feature, float[][] matrix) {
        if (matrix != null) {
            out.put(feature, matrix);
        }
    }

    /** Per-thread scratch: the FFT plan and the spectra of one block of frames. */
    private final class Workspace {
        final Stft.Plan plan = stft.newPlan();
        /** Per frame of a block: |X|^2, |X| and the mel input |X|^power. */
        final double[][] power = new double[BLOCK][stft.nBins()];
        final double[][] magnitude = new double[BLOCK][stft.nBins()];
        final double[][] melInput = new double[BLOCK][stft.nBins()];
        final SpectralContrast.Scratch contrastScratch = contrast == null ? null : contrast.newScratch();
    }
}
