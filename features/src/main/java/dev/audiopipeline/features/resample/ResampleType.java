package dev.audiopipeline.features.resample;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The resampling recipes, named as librosa's {@code res_type} names soxr's (librosa's default is
 * {@code soxr_hq}). Each is a low-pass specification in fractions of the lower of the two Nyquist frequencies
 * (pass band end, stop band start) plus a stop-band attenuation, and an engine:
 * <ul>
 *   <li>{@link #SOXR_HQ}, {@link #SOXR_MQ}, {@link #SOXR_LQ}: the fast float32 engine ({@link StreamingResampler}:
 *       an FFT low-pass stage, then a short polyphase stage when the ratio needs one);</li>
 *   <li>{@link #SOXR_VHQ}: a direct polyphase filter in double precision ({@link DirectResampler}), slower, for
 *       when the float32 FFT's ~130 dB floor is not enough.</li>
 * </ul>
 * Attenuations follow soxr's recipes ({@code (bits + 1) * 6.02 dB}: 20 bits for HQ, 28 for VHQ, 16 for MQ and LQ);
 * pass bands end where soxr's do ({@link ResamplerQuality#soxrPassbandEnd}: 0.9136 of the lower Nyquist for HQ,
 * 0.9115 for VHQ, 0.9151 for MQ; 0.67625 for LQ), the stop band starts at it, so that the response through the
 * transition band is soxr's (-3 dB near 0.95, as soxr documents its 95 % bandwidth) and features of resampled
 * audio are librosa's.
 */
public enum ResampleType {

    SOXR_VHQ(new ResamplerQuality(ResamplerQuality.soxrPassbandEnd(28), 1.0, 175)),
    SOXR_HQ(new ResamplerQuality(ResamplerQuality.soxrPassbandEnd(20), 1.0, 126)),
    SOXR_MQ(new ResamplerQuality(ResamplerQuality.soxrPassbandEnd(16), 1.0, 102)),
    SOXR_LQ(new ResamplerQuality(0.67625, 1.0, 102));

    /** librosa's default {@code res_type}. */
    public static final ResampleType DEFAULT = SOXR_HQ;

    private final ResamplerQuality quality;

    ResampleType(ResamplerQuality quality) {
        this.quality = quality;
    }

    /** The filter specification. */
    public ResamplerQuality quality() {
        return quality;
    }

    /** librosa's name, e.g. {@code soxr_hq}. */
    public String librosaName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the double-precision direct polyphase engine runs this recipe. */
    boolean direct() {
        return this == SOXR_VHQ;
    }

    /**
     * The recipe named {@code name} (librosa's spelling, case-insensitive).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static ResampleType fromLibrosaName(String name) {
        for (ResampleType type : values()) {
            if (type.librosaName().equalsIgnoreCase(name.trim())) {
                return type;
            }
        }
        throw new IllegalArgumentException("res_type must be one of " + names() + ", got '" + name + "'");
    }

    /** The accepted names, comma-separated. */
    public static String names() {
        return Arrays.stream(values()).map(ResampleType::librosaName).collect(Collectors.joining(", "));
    }
}
