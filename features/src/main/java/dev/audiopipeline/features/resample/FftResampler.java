package dev.audiopipeline.features.resample;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fast float32 engine, after soxr's design: the sharp low-pass runs once, as an FFT convolution
 * ({@link FftLowpassStage}), at the input rate or twice it; when the ratio is not then a power of two, a short
 * polyphase stage ({@link PolyphaseStage}) takes the band-limited result to the output rate.
 *
 * <ul>
 *   <li>Downsampling (e.g. 48000 -> 22050): the FFT stage filters at the input rate to the output's pass band;
 *       the polyphase stage's transition band runs from the pass band's end to the first image at
 *       {@code in - out / 2}, i.e. over half the input rate: about 16 taps. When {@code in / out} is a power of
 *       two (44100 -> 22050) the FFT stage keeps every second (fourth, ...) sample and is the whole
 *       conversion; when the input rate is 4 times the output's or more and even (96000 -> 22050), it keeps
 *       every second sample (fourth, ...) as long as at least twice the output rate remains. Either way it
 *       computes only the samples it keeps (the plan's fold: the inverse FFT at a half or a quarter of the
 *       size).</li>
 *   <li>Upsampling (e.g. 16000 -> 22050): the FFT stage doubles the rate (zeros between samples, filtered at the
 *       input's pass band), so the images the polyphase stage must reject start at {@code 2 in - in / 2}. At
 *       exactly twice the rate (11025 -> 22050) the FFT stage is the whole conversion. The zeros are never
 *       transformed: the forward FFT runs at half size and its spectrum is used twice (the plan's unfold).</li>
 * </ul>
 * The FFT filter's length follows Kaiser's formula for the recipe's attenuation and a transition band from the
 * pass band's end to the lower Nyquist; the FFT is 16 times the filter's half length rounded up to a power of two
 * (overlap-save keeps {@code m - 2c} of every {@code m} points). FFT plans are cached per design.
 */
final class FftResampler implements ResamplerEngine {

    private static final Map<String, FftFilterPlan> PLANS = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_PLANS = 64;
    /**
     * The FFT stage is designed this much beyond the recipe's attenuation. With soxr's pass band the transition band
     * is wide enough that the rejection just above the output Nyquist is soxr's anyway (142.5 dB at 11100 Hz for
     * 44100 -> 22050, soxr HQ 134.6), and 4 dB makes the slope through the transition band soxr's (at 0.97 and 0.98
     * of Nyquist -17.6 and -33.4 dB, soxr -17.5 and -33.3; with 14 dB, as before the pass band moved, -18.3 and
     * -35.2), which is what features of resampled audio see.
     */
    static final double FFT_STAGE_MARGIN_DB = 4;
    /** FFT length = this times the filter's half length, rounded up to a power of two. */
    private static final int FFT_FACTOR = Integer.getInteger("audiopipeline.resample.fft-factor", 16);

    private final FftLowpassStage first;
    private final PolyphaseStage second;

    FftResampler(RateRatio ratio, ResamplerQuality quality) {
        int in = ratio.inputRate();
        int out = ratio.outputRate();
        double lowerNyquist = Math.min(in, out) / 2.0;
        double passEnd = quality.passbandEdge() * lowerNyquist;
        double stopStart = quality.stopbandEdge() * lowerNyquist;
        int upsampling = out > in ? 2 : 1;
        long filterRate = (long) upsampling * in;
        int decimation = decimation(filterRate, out, upsampling);
        boolean single = filterRate / decimation == out && filterRate % decimation == 0;
        double transition = (stopStart - passEnd) / filterRate;
        double attenuation = quality.attenuationDb() + FFT_STAGE_MARGIN_DB;
        double halfWidth = KaiserWindow.lengthFor(attenuation, transition) / 2;
        int multiple = Math.max(2, decimation);
        int c = ((int) Math.ceil(halfWidth) + multiple - 1) / multiple * multiple;
        int m = Integer.highestOneBit(Math.max(64, FFT_FACTOR * c - 1)) << 1;
        LowpassKernel kernel = new LowpassKernel((passEnd + stopStart) / 2 / filterRate, halfWidth,
                KaiserWindow.forAttenuation(attenuation));
        String key = m + ":" + c + ":" + upsampling + ":" + decimation + ":" + kernel.cutoff() + ":" + halfWidth
                + ":" + attenuation;
        FftFilterPlan plan = PLANS.get(key);
        if (plan == null) {
            double[] taps = new double[c + 1];
            for (int t = 0; t <= c; t++) {
                taps[t] = upsampling * kernel.at(t);
            }
            plan = new FftFilterPlan(m, taps, decimation, upsampling == 2);
            if (PLANS.size() < MAX_CACHED_PLANS) {
                PLANS.putIfAbsent(key, plan);
            }
        }
        long polyphaseRate = filterRate / decimation;
        this.second = single ? null
                : new PolyphaseStage(new RateRatio((int) polyphaseRate, out), passEnd, polyphaseRate - stopStart,
                        quality.attenuationDb());
        this.first = new FftLowpassStage(plan, c, upsampling, decimation, single ? 0 : second.firstInput());
    }

    /**
     * How many of the FFT stage's outputs are dropped for each kept (its plan's fold): the largest power of two up
     * to 8 that divides the filter rate and leaves either exactly the output rate (then the FFT stage is the whole
     * conversion, e.g. 44100 or 88200 -> 22050) or at least twice it (96000 -> 48000, then the polyphase stage
     * still has a wide transition band, from the pass band to 48000 - 11025 Hz). 1 when upsampling.
     */
    static int decimation(long filterRate, int out, int upsampling) {
        int d = 1;
        while (upsampling == 1 && d < 8 && filterRate % (2L * d) == 0) {
            long next = filterRate / (2L * d);
            if (next != out && next < 2L * out) {
                break;
            }
            d *= 2;
        }
        return d;
    }

    @Override
    public void process(float[] samples, int offset, int length, SampleSink sink) {
        if (second == null) {
            first.process(samples, offset, length, sink);
        } else {
            first.process(samples, offset, length, (a, off, len) -> second.process(a, off, len, sink));
        }
    }

    @Override
    public void finish(long outputLength, SampleSink sink) {
        if (second == null) {
            first.finish(outputLength, sink);
        } else {
            second.limit(outputLength);
            first.finish(second.inputsNeededFor(outputLength), (a, off, len) -> second.process(a, off, len, sink));
            second.finish(outputLength, sink);
        }
    }

    /** Taps per output of the polyphase stage, 0 without one; for tests and docs. */
    int polyphaseTaps() {
        return second == null ? 0 : second.taps();
    }
}
