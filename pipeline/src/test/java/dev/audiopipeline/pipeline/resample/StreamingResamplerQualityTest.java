package dev.audiopipeline.pipeline.resample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Quality against the ideal band-limited result. The figures asserted are the measured ones (printed by each test,
 * recorded in RESAMPLER.md) less a margin of a few dB, so a regression in the filter design fails them.
 */
class StreamingResamplerQualityTest {

    /**
     * A sweep from 20 Hz to 0.9 of the lower Nyquist, generated analytically at the input rate and at the output
     * rate (the ideal); SNR of the resampled input against the ideal, edges skipped.
     */
    @ParameterizedTest(name = "{0} -> {1} Hz: sweep SNR >= {2} dB")
    @CsvSource({
        "44100, 22050, 120",
        "48000, 22050, 120",
        "16000, 22050, 120",
        "8000, 22050, 120",
        "11025, 22050, 120",
        "32000, 22050, 120",
        "96000, 22050, 120",
        "22050, 16000, 120",
        "22050, 8000, 120",
        "22050, 44100, 120",
        "22050, 22051, 120",
        "44100, 48000, 120",
    })
    void sweepMatchesTheAnalyticIdeal(int in, int out, double minSnrDb) {
        double seconds = 2.0;
        double f1 = 0.9 * Math.min(in, out) / 2.0;
        float[] x = Signals.sweep(in, seconds, 20, f1, 0.5);
        float[] y = Resampling.resample(x, in, out);
        double[] ideal = Signals.sweepAt(out, y.length, seconds, 20, f1, 0.5);
        int skip = Signals.edgeSkip(in, out);

        double snr = Signals.snrDb(y, ideal, skip, y.length - skip);

        System.out.printf("sweep SNR %d -> %d: %.1f dB (20 Hz .. %.0f Hz)%n", in, out, snr, f1);
        assertThat(snr).isGreaterThanOrEqualTo(minSnrDb);
    }

    /** Tones above the output Nyquist must vanish: residual RMS relative to the input tone's RMS. */
    @ParameterizedTest(name = "{0} -> {1} Hz: {2} Hz rejected by >= {3} dB")
    @CsvSource({
        "44100, 22050, 11100, 105",
        "44100, 22050, 11600, 105",
        "44100, 22050, 15000, 105",
        "44100, 22050, 20000, 105",
        "48000, 22050, 11100, 105",
        "48000, 22050, 23000, 105",
        "96000, 22050, 30000, 105",
        "22050, 16000, 8500, 105",
        "22050, 8000, 4000, 105",
    })
    void stopBandIsRejected(int in, int out, double freq, double minRejectionDb) {
        float[] x = Signals.tone(in, 2 * in, freq, 1.0);
        float[] y = Resampling.resample(x, in, out);
        int skip = Signals.edgeSkip(in, out);

        double rejection = 20 * Math.log10(Signals.rms(x, 0, x.length) / Signals.rms(y, skip, y.length - skip));

        System.out.printf("stop band %d -> %d, %.0f Hz: %.1f dB%n", in, out, freq, rejection);
        assertThat(rejection).isGreaterThanOrEqualTo(minRejectionDb);
    }

    /** Tones in the pass band, up to 0.9 of the lower Nyquist, keep their amplitude. */
    @ParameterizedTest(name = "{0} -> {1} Hz: {2} x lower Nyquist keeps its amplitude")
    @CsvSource({
        "44100, 22050, 0.9",
        "44100, 22050, 0.5",
        "44100, 22050, 0.05",
        "48000, 22050, 0.9",
        "16000, 22050, 0.9",
        "22050, 22051, 0.9",
        "96000, 22050, 0.9",
        "22050, 8000, 0.9",
    })
    void passBandKeepsAmplitude(int in, int out, double fractionOfNyquist) {
        double freq = fractionOfNyquist * Math.min(in, out) / 2.0;
        float[] x = Signals.tone(in, 2 * in, freq, 0.5);
        float[] y = Resampling.resample(x, in, out);
        int skip = Signals.edgeSkip(in, out);

        double gainDb = 20 * Math.log10(Signals.toneAmplitude(y, out, freq, skip, y.length - skip) / 0.5);

        System.out.printf("pass band %d -> %d, %.1f Hz: %+.5f dB%n", in, out, freq, gainDb);
        assertThat(Math.abs(gainDb)).isLessThanOrEqualTo(0.001);
    }
}
