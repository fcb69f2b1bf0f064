package dev.audiopipeline.features.resample;

import java.util.Objects;

/**
 * Streaming band-limited sample-rate conversion of mono float audio, the counterpart of librosa 0.11's
 * {@code librosa.resample(y, orig_sr=in, target_sr=out, res_type=...)} with soxr's recipes ({@link ResampleType};
 * {@code soxr_hq}, librosa's default, unless told otherwise).
 *
 * <p><b>Alignment and length.</b> Linear phase, no delay: output sample {@code j} is the band-limited input at
 * time {@code j * in / out}; the signal is zero outside {@code [0, n)}. After {@link #finish} the output has
 * {@link RateRatio#outputLength}{@code (n)} samples, librosa's {@code ceil(n * out / in)}. Equal rates pass
 * through untouched.
 *
 * <p><b>Streaming.</b> Input may come in chunks of any size (even 1 sample); memory is bounded by the filters
 * (a few FFT blocks), not by the signal, and every output sample is computed from the same inputs in the same
 * order wherever the chunks end: the output is bit-identical for any chunking. It is also the same with and
 * without the Vector API (the scalar kernels repeat the vector ones' operations).
 *
 * <p><b>Engines.</b> {@link FftResampler} (float32: FFT low-pass, then a short polyphase stage when needed) for
 * HQ, MQ and LQ; {@link DirectResampler} (direct polyphase, double sums) for VHQ. Figures in RESAMPLER.md.
 *
 * <p><b>Threads.</b> One instance per stream; not thread-safe. Tables are immutable and shared.
 */
public final class StreamingResampler {

    private final RateRatio ratio;
    private final ResampleType type;
    private final ResamplerEngine engine;
    private long inputCount;
    private boolean finished;

    /** A {@link ResampleType#DEFAULT} ({@code soxr_hq}) resampler. */
    public StreamingResampler(int inputRate, int outputRate) {
        this(new RateRatio(inputRate, outputRate), ResampleType.DEFAULT);
    }

    public StreamingResampler(int inputRate, int outputRate, ResampleType type) {
        this(new RateRatio(inputRate, outputRate), type);
    }

    public StreamingResampler(RateRatio ratio, ResampleType type) {
        this.ratio = Objects.requireNonNull(ratio, "ratio");
        this.type = Objects.requireNonNull(type, "type");
        if (ratio.isIdentity()) {
            this.engine = null;
        } else if (type.direct()) {
            this.engine = new DirectResampler(ratio, type.quality());
        } else {
            this.engine = new FftResampler(ratio, type.quality());
        }
    }

    /**
     * The whole of {@code signal} converted in one go: {@link RateRatio#outputLength} samples. Equal rates return
     * a copy.
     */
    public static float[] resample(float[] signal, int inputRate, int outputRate, ResampleType type) {
        StreamingResampler resampler = new StreamingResampler(inputRate, outputRate, type);
        FloatArrayCollector collector = new FloatArrayCollector((int) Math.min(Integer.MAX_VALUE - 8,
                resampler.ratio.outputLength(signal.length) + 16));
        resampler.process(signal, 0, signal.length, collector);
        resampler.finish(collector);
        return collector.toArray();
    }

    public RateRatio ratio() {
        return ratio;
    }

    public ResampleType type() {
        return type;
    }

    /** Input samples accepted so far. */
    public long inputCount() {
        return inputCount;
    }

    /**
     * Feeds {@code samples[offset .. offset+length)} and emits every output sample now complete to {@code sink}
     * (possibly none; possibly in several calls).
     *
     * @throws IllegalStateException after {@link #finish}
     */
    public void process(float[] samples, int offset, int length, SampleSink sink) {
        if (finished) {
            throw new IllegalStateException("resampler already finished");
        }
        Objects.checkFromIndexSize(offset, length, samples.length);
        inputCount += length;
        if (length == 0) {
            return;
        }
        if (engine == null) {
            sink.accept(samples, offset, length);
        } else {
            engine.process(samples, offset, length, sink);
        }
    }

    /** Like {@link #process(float[], int, int, SampleSink)}, returning the samples it produced. */
    public float[] process(float[] samples, int offset, int length) {
        FloatArrayCollector collector = new FloatArrayCollector();
        process(samples, offset, length, collector);
        return collector.toArray();
    }

    /**
     * Ends the stream: emits the rest of the output (the filter's tail over the zeros after the signal) up to
     * {@link RateRatio#outputLength}{@code (inputCount())} samples in all. Further calls are rejected.
     *
     * @throws IllegalStateException if already finished
     */
    public void finish(SampleSink sink) {
        if (finished) {
            throw new IllegalStateException("resampler already finished");
        }
        finished = true;
        if (engine != null) {
            engine.finish(ratio.outputLength(inputCount), sink);
        }
    }

    /** Like {@link #finish(SampleSink)}, returning the tail samples. */
    public float[] finish() {
        FloatArrayCollector collector = new FloatArrayCollector();
        finish(collector);
        return collector.toArray();
    }
}
