package dev.audiopipeline.jobs.doctor;

import dev.audiopipeline.features.Feature;
import dev.audiopipeline.features.FeatureExtractor;
import dev.audiopipeline.features.FeatureResult;
import dev.audiopipeline.features.FeatureSettings;
import dev.audiopipeline.features.dsp.FrameFft;
import java.util.Arrays;
import java.util.EnumSet;

/**
 * Runs the feature kernel on a known signal and checks the answer: one second of a pure tone at an eighth of
 * the sample rate must have its spectral centroid at the tone (within 1%) and finite MFCCs and contrast.
 */
public final class FeatureKernelProbe {

    private FeatureKernelProbe() {}

    /** The outcome, with the time one second of audio took. */
    public record Result(boolean ok, String detail) {}

    public static Result run(FeatureSettings settings) {
        try {
            int rate = settings.sampleRate();
            double tone = rate / 8.0;
            float[] samples = new float[rate];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (float) (0.5 * Math.sin(2 * Math.PI * tone * i / rate));
            }
            FeatureExtractor extractor = FeatureExtractor.forSettings(settings);
            long start = System.nanoTime();
            FeatureResult result = extractor.extract(samples, EnumSet.of(Feature.CENTROID, Feature.MFCC));
            double millis = (System.nanoTime() - start) / 1e6;

            float[][] centroid = result.get(Feature.CENTROID);
            double median = medianOfInterior(centroid);
            if (Math.abs(median - tone) > 0.01 * tone) {
                return new Result(false, String.format(java.util.Locale.ROOT,
                        "spectral centroid of a %.1f Hz tone came out %.1f Hz", tone, median));
            }
            for (float[] frame : result.get(Feature.MFCC)) {
                for (float value : frame) {
                    if (!Float.isFinite(value)) {
                        return new Result(false, "MFCC of a pure tone is not finite: " + value);
                    }
                }
            }
            return new Result(true, String.format(java.util.Locale.ROOT,
                    "1 s at %d Hz in %.1f ms, centroid %.1f Hz for a %.1f Hz tone; FFT: %s", rate, millis, median, tone,
                    FrameFft.describe()));
        } catch (RuntimeException e) {
            return new Result(false, e.toString());
        }
    }

    private static double medianOfInterior(float[][] perFrame) {
        int skip = Math.min(4, perFrame.length / 4); // edge frames see the zero padding
        double[] values = new double[perFrame.length - 2 * skip];
        for (int i = 0; i < values.length; i++) {
            values[i] = perFrame[i + skip][0];
        }
        Arrays.sort(values);
        return values[values.length / 2];
    }
}
