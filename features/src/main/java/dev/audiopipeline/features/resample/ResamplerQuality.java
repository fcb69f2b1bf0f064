package dev.audiopipeline.features.resample;

/**
 * A low-pass specification of the resampler, in fractions of the LOWER of the two Nyquist frequencies: linear
 * phase, pass band to {@code passbandEdge}, stop band from {@code stopbandEdge} (1.0: nothing aliases, not even the
 * top of the transition band), Kaiser designs for {@code attenuationDb}. The recipes are {@link ResampleType}'s.
 *
 * @param passbandEdge      end of the pass band, fraction of the lower Nyquist, in (0, stopbandEdge)
 * @param stopbandEdge      start of the stop band, fraction of the lower Nyquist, in (passbandEdge, 1]
 * @param attenuationDb     design stop-band attenuation in dB, in [40, 200]
 */
public record ResamplerQuality(double passbandEdge, double stopbandEdge, double attenuationDb) {


    public ResamplerQuality {
        if (!(stopbandEdge > 0 && stopbandEdge <= 1)) {
            throw new IllegalArgumentException("stopbandEdge must be in (0, 1], got " + stopbandEdge);
        }
        if (!(passbandEdge > 0 && passbandEdge < stopbandEdge)) {
            throw new IllegalArgumentException(
                    "passbandEdge must be in (0, stopbandEdge=" + stopbandEdge + "), got " + passbandEdge);
        }
        if (!(attenuationDb >= 40 && attenuationDb <= 200)) {
            throw new IllegalArgumentException("attenuationDb must be in [40, 200], got " + attenuationDb);
        }
    }

    /**
     * soxr's pass-band end for a recipe of {@code bits} of precision ({@code soxr_quality_spec}: {@code 1 - 0.05 /
     * TO_3dB(rej)}, {@code rej = bits * 20 log10(2)}, {@code TO_3dB(a) = (1.6e-6 a - 7.5e-4) a + 0.646}): 0.9136 for
     * HQ's 20 bits. With the stop band from 1.0, the Kaiser design's response then follows soxr's through the
     * transition band (-3 dB near 0.95, -18 dB at 0.97), which is what librosa's features of resampled audio see.
     */
    static double soxrPassbandEnd(int bits) {
        double rejection = bits * 20 * Math.log10(2);
        double to3dB = (1.6e-6 * rejection - 7.5e-4) * rejection + 0.646;
        return 1 - 0.05 / to3dB;
    }

    /** The -6 dB point of the windowed sinc: the middle of the transition band. */
    double cutoffFraction() {
        return (passbandEdge + stopbandEdge) / 2;
    }

    double transitionFraction() {
        return stopbandEdge - passbandEdge;
    }
}
