package dev.audiopipeline.pipeline.resample;

/** One-shot resampling of a whole signal held in memory; for long inputs stream with {@link StreamingResampler}. */
public final class Resampling {

    private Resampling() {
    }

    /**
     * {@code signal} at {@code inputRate} converted to {@code outputRate} at {@link ResamplerQuality#HIGH}; the result
     * has {@link RateRatio#outputLength} samples. Equal rates return a copy.
     */
    public static float[] resample(float[] signal, int inputRate, int outputRate) {
        StreamingResampler resampler = new StreamingResampler(inputRate, outputRate);
        RateRatio ratio = resampler.ratio();
        FloatArrayCollector collector = new FloatArrayCollector((int) Math.min(Integer.MAX_VALUE - 8,
                ratio.outputLength(signal.length) + 16));
        resampler.process(signal, 0, signal.length, collector);
        resampler.finish(collector);
        return collector.toArray();
    }
}
