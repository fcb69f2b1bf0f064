package dev.audiopipeline.features.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.features.Feature;
import dev.audiopipeline.features.FeatureExtractor;
import dev.audiopipeline.features.FeatureResult;
import dev.audiopipeline.features.FeatureSettings;
import dev.audiopipeline.features.resample.ResampleType;
import dev.audiopipeline.features.resample.StreamingResampler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Features of 44.1 and 48 kHz audio against librosa's {@code load(sr=22050)} (soxr HQ) followed by the same calls:
 * log-mel and MFCC of {@link #mix} (a chirp from 50 Hz to 20 kHz and tones in the pass band, at its edge, in the
 * transition band and above the output Nyquist, 3 s) resampled by the product, against the per-band and
 * per-coefficient means and maxima over frames that {@code bench/resampled_features.py --golden} computed once with
 * librosa 0.11 and python-soxr ({@code resampled-mix-librosa.csv}; no Python at test time). That script also
 * prints the frame-by-frame differences on longer and other signals (README, "Decoding and resampling").
 *
 * <p>Tolerances, from the measured worst differences (printed) with a margin: log-mel band means 0.05 dB for
 * bands 0-125 (measured 0.021), 1.5 dB for the two top bands, which lie in the transition band where the shapes of
 * the two filters differ by up to a dB at 48 kHz (measured 0.17 at 44.1 kHz, 0.86 at 48 kHz); band maxima 0.1 dB
 * (0.04); MFCC means 0.25 (0.02 and 0.13, from the top band).
 */
class ResampledFeaturesLibrosaTest {

    /** Bands 126 and 127 (centred at 10.45 and 10.74 kHz) lie in the resamplers' transition band. */
    private static final int TOP_BANDS = 126;
    private static final double[][] TONES = {{440, 0.2}, {3000, 0.1}, {10000, 0.05}, {10800, 0.05}, {12000, 0.05},
        {15000, 0.05}};

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {44100, 48000})
    void logMelAndMfccOfResampledAudioAreLibrosas(int rate) throws IOException {
        Map<String, double[]> golden = golden(rate);
        float[] y = StreamingResampler.resample(mix(rate, 3.0), rate, 22050, ResampleType.SOXR_HQ);
        FeatureResult result = new FeatureExtractor(FeatureSettings.defaults())
                .extract(y, EnumSet.of(Feature.LOGMEL, Feature.MFCC));

        double meanLogMel = 0;
        double maxLogMel = 0;
        float[][] logMel = result.logMel();
        double meanTop = 0;
        for (int band = 0; band < 128; band++) {
            double[] expected = golden.get("logmel," + band);
            double difference = Math.abs(mean(logMel, band) - expected[0]);
            if (band < TOP_BANDS) {
                meanLogMel = Math.max(meanLogMel, difference);
            } else {
                meanTop = Math.max(meanTop, difference);
            }
            maxLogMel = Math.max(maxLogMel, Math.abs(max(logMel, band) - expected[1]));
        }
        double meanMfcc = 0;
        for (int c = 0; c < 13; c++) {
            meanMfcc = Math.max(meanMfcc, Math.abs(mean(result.mfcc(), c) - golden.get("mfcc," + c)[0]));
        }
        System.out.printf("resampled %d Hz against librosa: log-mel band mean %.4f dB (bands 126-127 %.4f dB), band "
                + "max %.4f dB, MFCC mean %.4f%n", rate, meanLogMel, meanTop, maxLogMel, meanMfcc);
        assertThat(meanLogMel).as("worst log-mel band mean difference, bands 0-125, dB").isLessThanOrEqualTo(0.05);
        assertThat(meanTop).as("worst log-mel band mean difference, bands 126-127, dB").isLessThanOrEqualTo(1.5);
        assertThat(maxLogMel).as("worst log-mel band maximum difference, dB").isLessThanOrEqualTo(0.1);
        assertThat(meanMfcc).as("worst MFCC mean difference").isLessThanOrEqualTo(0.25);
    }

    /** bench/resampled_features.py's mix(): float64, then float32. */
    static float[] mix(int rate, double seconds) {
        int n = (int) Math.round(seconds * rate);
        float[] y = new float[n];
        double f0 = 50;
        double f1 = 20000;
        for (int i = 0; i < n; i++) {
            double t = (double) i / rate;
            double value = 0.2 * Math.sin(2 * Math.PI * (f0 * t + 0.5 * (f1 - f0) / seconds * t * t));
            for (double[] tone : TONES) {
                value = value + tone[1] * Math.sin(2 * Math.PI * tone[0] * t);
            }
            y[i] = (float) value;
        }
        return y;
    }

    private static double mean(float[][] matrix, int column) {
        double sum = 0;
        for (float[] row : matrix) {
            sum += row[column];
        }
        return sum / matrix.length;
    }

    private static double max(float[][] matrix, int column) {
        double max = Double.NEGATIVE_INFINITY;
        for (float[] row : matrix) {
            max = Math.max(max, row[column]);
        }
        return max;
    }

    /** "kind,index" -> {mean, max} for {@code rate}. */
    private static Map<String, double[]> golden(int rate) throws IOException {
        Map<String, double[]> values = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ResampledFeaturesLibrosaTest.class.getResourceAsStream("resampled-mix-librosa.csv"),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",");
                if (Integer.parseInt(f[0]) == rate) {
                    values.put(f[1] + "," + f[2], new double[] {Double.parseDouble(f[3]), Double.parseDouble(f[4])});
                }
            }
        }
        assertThat(values).as("golden values for %d Hz", rate).hasSize(128 + 13);
        return values;
    }
}
