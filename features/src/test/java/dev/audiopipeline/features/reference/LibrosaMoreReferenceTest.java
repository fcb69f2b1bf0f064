package dev.audiopipeline.features.reference;

import static dev.audiopipeline.features.reference.LibrosaReferenceTest.worstAbsolute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.features.Feature;
import dev.audiopipeline.features.FeatureExtractor;
import dev.audiopipeline.features.FeatureResult;
import dev.audiopipeline.features.FeatureSettings;
import dev.audiopipeline.features.dsp.Stft;
import dev.audiopipeline.features.dsp.TuningEstimator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code shared/reference/more} (librosa 0.11 golden files beyond the defaults; its README says how they were
 * made) as regression tests.
 *
 * <p>{@code features/}: the 13 inputs of {@code shared/reference} at the default settings. Tolerances: chroma
 * (tuning estimated, and tuning 0) 1e-5 absolute (values in [0, 1]); the estimated tunings exactly librosa's (a
 * multiple of 0.01); spectral centroid, bandwidth and roll-off 1e-4 relative (Hz); RMS 1e-4
 * relative to the input's largest RMS; zero-crossing rate 1e-6 absolute (a count over 2048 samples: exact);
 * MFCC deltas 1e-3.
 *
 * <p>{@code settings/}: three sets of non-default settings (8, 16 and 22.05 kHz; lifter, linear contrast,
 * {@code top_db} none, fmin/fmax) on a sine, a chirp and noise. Tolerances as {@link LibrosaReferenceTest}'s:
 * log-mel 1e-3 dB, MFCC 2e-3, contrast 1e-3 (dB, or linear ratio for {@code linear=True}).
 *
 * <p>The worst errors are printed for the record (README's "Features" table).
 */
class LibrosaMoreReferenceTest {

    private static final FeatureExtractor DEFAULTS = new FeatureExtractor(FeatureSettings.defaults());
    private static final FeatureExtractor ESTIMATED_TUNING =
            new FeatureExtractor(FeatureSettings.builder().tuning(null).build());

    static List<ReferenceData.MoreEntry> features() {
        List<ReferenceData.MoreEntry> entries = ReferenceData.more("features");
        assertThat(entries).as("features entries of more/index.json").hasSize(13);
        return entries;
    }

    static List<ReferenceData.MoreEntry> settings() {
        List<ReferenceData.MoreEntry> entries = ReferenceData.more("settings");
        assertThat(entries).as("settings entries of more/index.json").hasSize(9);
        return entries;
    }

    /**
     * What {@code chroma_stft(y, sr)} estimates internally ({@code estimate_tuning(S=|stft(y)|**2, sr,
     * bins_per_octave=12)}), computed once with librosa 0.11.0 on these inputs: index.json's
     * {@code tuning_estimated} is {@code estimate_tuning(y=y, sr)}, on the magnitude spectrogram, which is not the
     * tuning its {@code chroma.npy} was made with.
     */
    private static final Map<String, Double> CHROMA_TUNING = Map.ofEntries(
            Map.entry("B_Chorus.fingerbass-n32", -0.04999999999999999),
            Map.entry("B_Distortion.jazzgtr-n49", 0.07000000000000006),
            Map.entry("B_EQ.nylongtr-a43-1", 0.14),
            Map.entry("B_FeedbackDelay.piano-c59-0", 0.020000000000000018),
            Map.entry("B_Flanger.pickbass-n28", -0.15999999999999998),
            Map.entry("B_NoFX.cleangtr-a58-1", 0.040000000000000036),
            Map.entry("B_Reverb.steelgtr-a58-1", -0.06),
            Map.entry("B_SlapbackDelay.cleangtr-a58-1", 0.040000000000000036),
            Map.entry("B_Tremolo.fingerbass-n32", -0.020000000000000018),
            Map.entry("B_Vibrato.jazzgtr-n49", -0.21000000000000002),
            Map.entry("S_chirp_100_8000", -0.46),
            Map.entry("S_sine440", 0.020000000000000018),
            Map.entry("S_whitenoise_seed0", -0.32999999999999996));

    @ParameterizedTest(name = "{0}")
    @MethodSource("features")
    void estimatesTheTuningsLibrosaDoes(ReferenceData.MoreEntry entry) {
        float[] y = samples(entry);
        FeatureSettings settings = FeatureSettings.defaults();
        Stft stft = new Stft(settings.nFft(), settings.hopLength(), settings.winLength(), settings.center());
        Stft.Plan plan = stft.newPlan();
        TuningEstimator fromPower = new TuningEstimator(settings.sampleRate(), settings.nFft(), settings.nChroma());
        TuningEstimator fromMagnitude = new TuningEstimator(settings.sampleRate(), settings.nFft(), settings.nChroma());
        double[] power = new double[stft.nBins()];
        for (int t = 0; t < stft.frameCount(y.length); t++) {
            plan.powerSpectrum(y, t, power);
            fromPower.accept(power);
            fromMagnitude.acceptAsMagnitude(power);
        }
        assertThat(fromPower.estimate()).as("chroma_stft's estimate").isEqualTo(CHROMA_TUNING.get(entry.id()));
        assertThat(fromMagnitude.estimate()).as("estimate_tuning(y=y)").isEqualTo(entry.number("tuning_estimated"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("features")
    void otherFeaturesMatchLibrosa(ReferenceData.MoreEntry entry) {
        float[] y = samples(entry);
        FeatureResult result = DEFAULTS.extract(y, EnumSet.of(Feature.CHROMA, Feature.CENTROID, Feature.BANDWIDTH,
                Feature.ROLLOFF, Feature.RMS, Feature.ZCR, Feature.MFCC_DELTA));
        float[][] estimated = ESTIMATED_TUNING.extract(y, EnumSet.of(Feature.CHROMA)).chroma();

        double chroma = worstAbsolute(estimated, entry.npy("chroma").framesByFeatures());
        double chroma0 = worstAbsolute(result.chroma(), entry.npy("chroma_tuning0").framesByFeatures());
        double centroid = worstRelative(result.get(Feature.CENTROID), entry.npy("centroid").framesByFeatures());
        double bandwidth = worstRelative(result.get(Feature.BANDWIDTH), entry.npy("bandwidth").framesByFeatures());
        double rolloff = worstRelative(result.get(Feature.ROLLOFF), entry.npy("rolloff").framesByFeatures());
        double rms = worstRelativeToMax(result.get(Feature.RMS), entry.npy("rms").framesByFeatures());
        double zcr = worstAbsolute(result.get(Feature.ZCR), entry.npy("zcr").framesByFeatures());
        double delta = worstAbsolute(result.get(Feature.MFCC_DELTA), entry.npy("mfcc13_delta").framesByFeatures());
        System.out.printf("more %-32s chroma %.2e  chroma_tuning0 %.2e  centroid_rel %.2e  bandwidth_rel %.2e  "
                        + "rolloff_rel %.2e  rms_rel %.2e  zcr %.2e  mfcc13_delta %.2e%n",
                entry.id(), chroma, chroma0, centroid, bandwidth, rolloff, rms, zcr, delta);
        assertThat(chroma).as("chroma, tuning estimated").isLessThanOrEqualTo(1e-5);
        assertThat(chroma0).as("chroma, tuning 0").isLessThanOrEqualTo(1e-5);
        assertThat(centroid).as("centroid relative").isLessThanOrEqualTo(1e-4);
        assertThat(bandwidth).as("bandwidth relative").isLessThanOrEqualTo(1e-4);
        assertThat(rolloff).as("rolloff relative").isLessThanOrEqualTo(1e-4);
        assertThat(rms).as("rms relative to the largest").isLessThanOrEqualTo(1e-4);
        assertThat(zcr).as("zcr").isLessThanOrEqualTo(1e-6);
        assertThat(delta).as("mfcc13 delta").isLessThanOrEqualTo(1e-3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void nonDefaultSettingsMatchLibrosa(ReferenceData.MoreEntry entry) {
        FeatureSettings settings = FeatureSettings.builder()
                .sampleRate(entry.number("sr").intValue())
                .nFft(entry.number("n_fft").intValue())
                .hopLength(entry.number("hop_length").intValue())
                .nMels(entry.number("n_mels").intValue())
                .fmin(entry.number("fmin"))
                .fmax(entry.number("fmax"))
                .topDb(entry.number("top_db"))
                .nMfcc(entry.number("n_mfcc").intValue())
                .lifter(entry.number("lifter"))
                .contrastFmin(entry.number("c_fmin"))
                .contrastNBands(entry.number("c_bands").intValue())
                .contrastQuantile(entry.number("c_quantile"))
                .contrastLinear(entry.flag("c_linear"))
                .build();
        float[] y = entry.npy("y").floatVector();
        FeatureResult result = new FeatureExtractor(settings).extract(y, EnumSet.of(Feature.LOGMEL, Feature.MFCC,
                Feature.CONTRAST));
        double logMel = worstAbsolute(result.logMel(), entry.npy("mel_db").framesByFeatures());
        double mfcc = worstAbsolute(result.mfcc(), entry.npy("mfcc").framesByFeatures());
        double contrast = worstAbsolute(result.contrast(), entry.npy("contrast").framesByFeatures());
        System.out.printf("more %-18s logmel_db %.2e  mfcc %.2e  contrast %.2e%n", entry.id(), logMel, mfcc, contrast);
        assertThat(logMel).as("log-mel dB").isLessThanOrEqualTo(1e-3);
        assertThat(mfcc).as("mfcc").isLessThanOrEqualTo(2e-3);
        assertThat(contrast).as("contrast").isLessThanOrEqualTo(1e-3);
    }

    private static float[] samples(ReferenceData.MoreEntry entry) {
        try {
            // "input" is relative to more/<set>/
            return Npy.read(entry.dir().getParent().resolve((String) entry.fields().get("input")).normalize())
                    .floatVector();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double worstRelative(float[][] actual, double[][] expected) {
        assertThat(actual.length).as("frames").isEqualTo(expected.length);
        double worst = 0;
        for (int t = 0; t < expected.length; t++) {
            for (int c = 0; c < expected[t].length; c++) {
                double error = Math.abs(actual[t][c] - expected[t][c]);
                worst = Math.max(worst, expected[t][c] == 0 ? error : error / Math.abs(expected[t][c]));
            }
        }
        return worst;
    }

    private static double worstRelativeToMax(float[][] actual, double[][] expected) {
        double max = 0;
        for (double[] row : expected) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return worstAbsolute(actual, expected) / max;
    }
}
