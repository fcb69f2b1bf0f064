package dev.audiopipeline.features.augment;

import dev.audiopipeline.features.resample.ResampleType;
import dev.audiopipeline.features.resample.StreamingResampler;
import java.util.Objects;

/**
 * Makes the augmented variants of an audio segment, deterministically.
 *
 * <p>Variant {@code v} (1, 2, ...; 0 is the original) of segment {@code s} of track {@code id} draws its
 * parameters from a generator seeded by a hash of (settings seed, id, s, v), so a retried Spark task produces
 * bit-identical samples (same JVM and CPU architecture assumed: every transcendental function here is
 * {@link StrictMath}, but JTransforms builds its twiddle tables with {@link Math}). The draws, always all of them
 * and in this order, so that turning one effect off leaves the others' values unchanged:
 * <ol>
 *   <li>stretch rate {@code (1 + x)^u}, u uniform in [-1, 1): log-uniform in [1/(1+x), 1+x];</li>
 *   <li>semitones uniform in [-p, p);</li>
 *   <li>shift uniform over the integers in [-S, S], {@code S = round(maxShiftSeconds * sampleRate)};</li>
 *   <li>gain uniform in [-g, g) dB;</li>
 *   <li>SNR uniform in [min, max) dB;</li>
 *   <li>the seed of the noise samples.</li>
 * </ol>
 * The effects, applied in this order, each keeping the segment's length n:
 * <ol>
 *   <li>time stretch: {@link TimeStretcher} (librosa {@code time_stretch}), then cut to n samples or padded with
 *       zeros at the end;</li>
 *   <li>pitch shift, as librosa's {@code pitch_shift}: time stretch by {@code r = 2^(-semitones/12)}, resample by
 *       r with the product's resampler at {@code soxr_hq} ({@link #resampleBy}, as librosa's default), then cut
 *       or zero-pad to n;</li>
 *   <li>time shift: a circular roll ({@code numpy.roll}). A segment is a window cut from a longer track, so
 *       rolling keeps every sample and the segment's energy and level statistics, where a zero fill would add
 *       up to {@code maxShiftSeconds} of silence that no real segment has; the cost is one splice, which
 *       music has plenty of;</li>
 *   <li>gain: multiply by {@code 10^(gainDb/20)}; no clipping (features are computed from floats);</li>
 *   <li>noise: add white Gaussian noise of standard deviation {@code rms / 10^(snrDb/20)}, with {@code rms} that of
 *       the signal at this point; a silent signal gets no noise.</li>
 * </ol>
 * An effect whose parameter is neutral (see {@link VariantParameters}) is skipped, so it is an exact identity.
 * Processing is in double precision; the result is rounded to float once.
 *
 * <p>Thread-safe; the per-thread buffers belong to {@link TimeStretcher}.
 */
public final class SegmentAugmenter {

    /** The nominal output rate of {@link #resampleBy}'s rational ratio. */
    static final int RESAMPLE_RATE = 480_000;
    /** How {@link AugmentationSettings#asMap()} names the resampler. */
    static final String RESAMPLER = "soxr_hq(" + RESAMPLE_RATE + "/round(" + RESAMPLE_RATE + "/rate))";

    private final AugmentationSettings settings;
    private final int sampleRate;
    private final int maxShiftSamples;
    private final TimeStretcher stretcher = new TimeStretcher();

    public SegmentAugmenter(AugmentationSettings settings, int sampleRate) {
        this.settings = Objects.requireNonNull(settings, "settings");
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample_rate must be > 0, got " + sampleRate);
        }
        this.sampleRate = sampleRate;
        long shift = Math.round(settings.maxShiftSeconds() * sampleRate);
        if (shift > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("augment.max-shift-seconds is too large for sample rate "
                    + sampleRate + ", got " + settings.maxShiftSeconds());
        }
        this.maxShiftSamples = (int) shift;
    }

    public AugmentationSettings settings() {
        return settings;
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** The parameters of variant {@code variant} (>= 1) of segment {@code segmentIndex} of {@code trackId}. */
    public VariantParameters parameters(String trackId, int segmentIndex, int variant) {
        Objects.requireNonNull(trackId, "trackId");
        if (variant < 1) {
            throw new IllegalArgumentException("variant must be >= 1 (0 is the original), got " + variant);
        }
        VariantRandom random = new VariantRandom(VariantRandom.seedOf(settings.seed(), trackId, segmentIndex,
                variant));
        double stretchDraw = random.nextSigned();
        double pitchDraw = random.nextSigned();
        int shift = random.nextInt(2 * maxShiftSamples + 1) - maxShiftSamples;
        double gainDraw = random.nextSigned();
        double snrDraw = random.nextDouble();
        long noiseSeed = random.nextLong();

        double x = settings.stretchDeviation();
        double rate = x == 0 ? 1.0 : StrictMath.pow(1.0 + x, stretchDraw);
        double semitones = settings.pitchSemitones() == 0 ? 0.0 : settings.pitchSemitones() * pitchDraw;
        double gainDb = settings.gainDb() == 0 ? 0.0 : settings.gainDb() * gainDraw;
        double snrDb = settings.noiseEnabled()
                ? settings.noiseSnrDbMin() + (settings.noiseSnrDbMax() - settings.noiseSnrDbMin()) * snrDraw
                : Double.POSITIVE_INFINITY;
        return new VariantParameters(rate, semitones, shift, (double) shift / sampleRate, gainDb, snrDb,
                noiseSeed);
    }

    /**
     * Variant {@code variant} (>= 1) of {@code segment}: a new array of the same length; {@code segment} is not
     * modified.
     */
    public float[] variant(float[] segment, String trackId, int segmentIndex, int variant) {
        return apply(segment, parameters(trackId, segmentIndex, variant));
    }

    /** Applies the effects with these parameters to a copy of {@code segment}, in the documented order. */
    public float[] apply(float[] segment, VariantParameters p) {
        int n = segment.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = segment[i];
        }
        if (p.stretchRate() != 1.0) {
            y = fitLength(stretcher.stretch(y, p.stretchRate()), n);
        }
        if (p.semitones() != 0.0) {
            y = pitchShift(y, p.semitones());
        }
        if (p.shiftSamples() != 0) {
            y = roll(y, p.shiftSamples());
        }
        if (p.gainDb() != 0.0) {
            double factor = StrictMath.pow(10.0, p.gainDb() / 20.0);
            for (int i = 0; i < n; i++) {
                y[i] *= factor;
            }
        }
        if (p.snrDb() != Double.POSITIVE_INFINITY) {
            addNoise(y, p.snrDb(), p.noiseSeed());
        }
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) y[i];
        }
        return out;
    }

    /** librosa's {@code pitch_shift}: stretch by r = 2^(-semitones/12), resample by r, fix the length. */
    private double[] pitchShift(double[] y, double semitones) {
        double rate = StrictMath.pow(2.0, -semitones / 12.0);
        return fitLength(resampleBy(stretcher.stretch(y, rate), rate), y.length);
    }

    /**
     * {@code y} resampled by {@code rate} (output rate / input rate), as librosa's {@code pitch_shift} calls
     * {@code resample(orig_sr=sr / rate, target_sr=sr)}: from {@value #RESAMPLE_RATE} / rate (rounded to whole Hz)
     * to {@value #RESAMPLE_RATE} Hz with {@link StreamingResampler} at {@code soxr_hq}. Only the ratio matters;
     * rounding it to whole Hz at this rate changes a pitch by less than 0.00001 semitone. Samples pass through
     * float32, as the resampler works in float (the segment is float to begin with). The result has
     * librosa's {@code ceil(len * rate)} samples.
     */
    public static double[] resampleBy(double[] y, double rate) {
        if (!(rate >= 0.5 && rate <= 2.0)) {
            throw new IllegalArgumentException("resampling rate must be in [0.5, 2], got " + rate);
        }
        float[] in = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            in[i] = (float) y[i];
        }
        float[] out = StreamingResampler.resample(in, (int) Math.round(RESAMPLE_RATE / rate), RESAMPLE_RATE,
                ResampleType.SOXR_HQ);
        double[] result = new double[out.length];
        for (int i = 0; i < out.length; i++) {
            result[i] = out[i];
        }
        return result;
    }

    /** {@code librosa.util.fix_length}: cut to n or pad with zeros at the end. */
    static double[] fitLength(double[] y, int n) {
        if (y.length == n) {
            return y;
        }
        double[] out = new double[n];
        System.arraycopy(y, 0, out, 0, Math.min(n, y.length));
        return out;
    }

    /** {@code numpy.roll(y, shift)}: sample i moves to {@code (i + shift) mod n}. */
    static double[] roll(double[] y, int shift) {
        int n = y.length;
        if (n == 0) {
            return y;
        }
        int s = Math.floorMod(shift, n);
        double[] out = new double[n];
        System.arraycopy(y, 0, out, s, n - s);
        System.arraycopy(y, n - s, out, 0, s);
        return out;
    }

    private static void addNoise(double[] y, double snrDb, long seed) {
        double energy = 0;
        for (double v : y) {
            energy += v * v;
        }
        if (energy == 0) {
            return;
        }
        double rms = Math.sqrt(energy / y.length);
        double sigma = rms / StrictMath.pow(10.0, snrDb / 20.0);
        VariantRandom random = new VariantRandom(seed);
        for (int i = 0; i < y.length; i++) {
            y[i] += sigma * random.nextGaussian();
        }
    }
}
