package dev.audiopipeline.features;

import static dev.audiopipeline.features.TestArrays.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryStatisticsTest {

    @Test
    void matchesNumpyAndScipyOnASmallSeries() {
        // x = [1, 2, 4, 8, 3, -1, 0.5]; numpy 2.4 / scipy 1.17:
        // mean 2.5, np.std 2.712405363721075, scipy.stats.skew 0.8268374914010705,
        // scipy.stats.kurtosis -0.11956829107361644, min -1, max 8.
        // By hand: deviations -1.5 -0.5 1.5 5.5 0.5 -3.5 -2; m2 = 51.5/7, m3 = 153/7 - ... -> same numbers.
        double[] out = new double[6];
        SummaryStatistics.compute(column(1, 2, 4, 8, 3, -1, 0.5), 1, out, 0);
        assertThat(out[0]).isCloseTo(2.5, within(1e-12));
        assertThat(out[1]).isCloseTo(2.712405363721075, within(1e-12));
        assertThat(out[2]).isCloseTo(0.8268374914010705, within(1e-12));
        assertThat(out[3]).isCloseTo(-0.11956829107361644, within(1e-12));
        assertThat(out[4]).isEqualTo(-1.0);
        assertThat(out[5]).isEqualTo(8.0);
    }

    @Test
    void symmetricSeriesHasZeroSkewAndKnownKurtosis() {
        // [-1, 1] repeated: m2 = 1, m3 = 0, m4 = 1 -> skew 0, Fisher kurtosis 1 - 3 = -2 (by hand).
        double[] out = new double[6];
        SummaryStatistics.compute(column(-1, 1, -1, 1), 1, out, 0);
        assertThat(out).containsExactly(0.0, 1.0, 0.0, -2.0, -1.0, 1.0);
    }

    @Test
    void constantSeriesHasNaNSkewAndKurtosisLikeScipy() {
        // scipy.stats.skew([0.25]*3) and kurtosis(...) are nan (m2 <= (eps*mean)^2).
        double[] out = new double[6];
        SummaryStatistics.compute(column(0.25, 0.25, 0.25), 1, out, 0);
        assertThat(out[0]).isEqualTo(0.25);
        assertThat(out[1]).isZero();
        assertThat(out[2]).isNaN();
        assertThat(out[3]).isNaN();
        assertThat(out[4]).isEqualTo(0.25);
        assertThat(out[5]).isEqualTo(0.25);
        SummaryStatistics.compute(column(0, 0), 1, out, 0);
        assertThat(out[2]).isNaN();
    }

    @Test
    void vectorNamesAndLayoutAreFeatureThenColumnThenStatistic() {
        FeatureSettings settings = FeatureSettings.defaults();
        List<String> names = SummaryStatistics.names(settings, List.of(Feature.MFCC, Feature.RMS));
        assertThat(names).hasSize(13 * 6 + 6);
        assertThat(names.subList(0, 7)).containsExactly("mfcc_00_mean", "mfcc_00_std", "mfcc_00_skew",
                "mfcc_00_kurtosis", "mfcc_00_min", "mfcc_00_max", "mfcc_01_mean");
        assertThat(names.get(3 * 6)).isEqualTo("mfcc_03_mean");
        assertThat(names.subList(78, 84)).containsExactly("rms_mean", "rms_std", "rms_skew", "rms_kurtosis",
                "rms_min", "rms_max");
    }

    @Test
    void resultStatisticsAgreeWithTheMatrices() {
        float[] y = new float[22050];
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (0.1 * random.nextGaussian());
        }
        FeatureResult r = new FeatureExtractor(FeatureSettings.defaults())
                .extract(y, EnumSet.of(Feature.MFCC, Feature.RMS, Feature.CONTRAST));
        FeatureStatistics stats = r.statistics();
        // Declaration order: MFCC, CONTRAST, RMS.
        assertThat(stats.size()).isEqualTo((13 + 7 + 1) * 6);
        assertThat(stats.names().get(0)).isEqualTo("mfcc_00_mean");
        assertThat(stats.names().get(13 * 6)).isEqualTo("contrast_00_mean");
        assertThat(stats.names().get(stats.size() - 1)).isEqualTo("rms_max");
        float[][] mfcc = r.mfcc();
        double sum = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (float[] row : mfcc) {
            sum += row[3];
            max = Math.max(max, row[3]);
        }
        assertThat(stats.get("mfcc_03_mean")).isCloseTo(sum / mfcc.length, within(1e-9));
        assertThat(stats.get("mfcc_03_max")).isEqualTo(max);
        assertThat(stats.values()).doesNotContain(Double.NaN);
    }
}
