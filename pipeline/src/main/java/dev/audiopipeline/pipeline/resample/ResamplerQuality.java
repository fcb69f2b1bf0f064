package dev.audiopipeline.pipeline.resample;

/**
 * The low-pass specification of the resampler, in fractions of the LOWER of the two Nyquist frequencies.
 *
 * <p>{@link #HIGH} mirrors soxr's 'HQ' recipe (librosa's default {@code res_type='soxr_hq'}): linear phase, pass-band
 * to 95% of the lower Nyquist, stop band starting exactly at the lower Nyquist (so nothing aliases, not even the top
 * of the transition band) and a Kaiser design for 110 dB. Measured: 113 dB rejection at the edge of the stop
 * band, more above it, and pass-band gain within 0.00002 dB to 0.9 of the lower Nyquist; see {@code RESAMPLER.md}.
 *
 * @param passbandEdge      end of the pass band, fraction of the lower Nyquist, in (0, stopbandEdge)
 * @param stopbandEdge      start of the stop band, fraction of the lower Nyquist, in (passbandEdge, 1]
 * @param attenuationDb     design stop-band attenuation in dB, in [40, 200]
 */
public record ResamplerQuality(double passbandEdge, double stopbandEdge, double attenuationDb) {

    /** soxr-HQ-like: pass band 0.95, stop band from 1.0 of the lower Nyquist, 110 dB design attenuation. */
    public static final ResamplerQuality HIGH = new ResamplerQuality(0.95, 1.0, 110);

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
