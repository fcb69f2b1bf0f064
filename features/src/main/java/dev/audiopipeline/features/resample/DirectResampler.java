package dev.audiopipeline.features.resample;

/**
 * The double-precision engine ({@link ResampleType#SOXR_VHQ}): one linear-phase Kaiser-windowed sinc at the
 * lower Nyquist applied as a {@link PolyphaseFilterBank}, each output one dot product of
 * {@link PolyphaseFilterBank#taps()} inputs with float32 coefficients, summed in double. The kernel is centred, so
 * output {@code j} is the band-limited input at time {@code j * in / out}; the signal is zero outside
 * {@code [0, n)}. Streaming as {@link PolyphaseStream}. Slow next to {@link FftResampler} (a long filter
 * evaluated directly), for when float32's ~130 dB is not enough.
 */
final class DirectResampler extends PolyphaseStream {

    private final PolyphaseFilterBank bank;

    DirectResampler(RateRatio ratio, ResamplerQuality quality) {
        this(PolyphaseFilterBank.forRatio(ratio, quality));
    }

    private DirectResampler(PolyphaseFilterBank bank) {
        // Output 0 reads inputs from index 1 - halfTaps: those before 0 are the zeros in front of the signal.
        super(bank.up(), bank.down(), bank.halfTaps(), 1 - bank.halfTaps(), bank.halfTaps() - 1);
        this.bank = bank;
    }

    @Override
    protected float filter(int start, int p) {
        return bank.filter(buffer, start, p);
    }
}
