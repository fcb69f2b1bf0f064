package dev.audiopipeline.features.augment;

/**
 * The effect parameters drawn for one variant, in the order {@link SegmentAugmenter} applies them. Neutral values
 * (an effect that is off) are exactly {@code stretchRate = 1}, {@code semitones = 0}, {@code shiftSamples = 0},
 * {@code gainDb = 0} and {@code snrDb = +infinity}.
 *
 * @param stretchRate time-stretch rate (> 1 faster, < 1 slower)
 * @param semitones pitch shift in semitones (> 0 up)
 * @param shiftSamples circular shift in samples (> 0 moves the audio later)
 * @param shiftSeconds the same shift in seconds, {@code shiftSamples / sampleRate}
 * @param gainDb gain in dB
 * @param snrDb signal-to-noise ratio of the added white Gaussian noise, relative to the RMS of the signal it is
 *     added to; +infinity for no noise
 * @param noiseSeed seed of the noise samples
 */
public record VariantParameters(double stretchRate, double semitones, int shiftSamples, double shiftSeconds,
        double gainDb, double snrDb, long noiseSeed) implements java.io.Serializable {

    /** Parameters that change nothing. */
    public static VariantParameters neutral() {
        return new VariantParameters(1.0, 0.0, 0, 0.0, 0.0, Double.POSITIVE_INFINITY, 0L);
    }

    public VariantParameters withStretchRate(double value) {
        return new VariantParameters(value, semitones, shiftSamples, shiftSeconds, gainDb, snrDb, noiseSeed);
    }

    public VariantParameters withSemitones(double value) {
        return new VariantParameters(stretchRate, value, shiftSamples, shiftSeconds, gainDb, snrDb, noiseSeed);
    }

    public VariantParameters withShift(int samples, int sampleRate) {
        return new VariantParameters(stretchRate, semitones, samples, (double) samples / sampleRate, gainDb, snrDb,
                noiseSeed);
    }

    public VariantParameters withGainDb(double value) {
        return new VariantParameters(stretchRate, semitones, shiftSamples, shiftSeconds, value, snrDb, noiseSeed);
    }

    public VariantParameters withNoise(double snr, long seed) {
        return new VariantParameters(stretchRate, semitones, shiftSamples, shiftSeconds, gainDb, snr, seed);
    }
}
