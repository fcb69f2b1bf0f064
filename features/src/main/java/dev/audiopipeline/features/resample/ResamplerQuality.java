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

    /** The -6 dB point of the windowed sinc: the middle of the transition band. */
    double cutoffFraction() {
        return (passbandEdge + stopbandEdge) / 2;
    }

    double transitionFraction() {
        return stopbandEdge - passbandEdge;
    }
}
