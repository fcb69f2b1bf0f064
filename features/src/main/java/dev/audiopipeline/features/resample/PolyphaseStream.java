package dev.audiopipeline.features.resample;

import java.util.Arrays;

/**
 * The streaming part every polyphase filter here shares ({@link DirectResampler}, {@link PolyphaseStage}): a
 * history buffer of input samples and the output clock. Output {@code j} sits at input time
 * {@code j * down / up = n + p / up}; it reads inputs {@code n - halfTaps + 1 .. n + halfTaps} and is computed by
 * {@link #filter} as soon as they have all arrived, so memory is bounded ({@code 2 halfTaps + 4096} floats) and
 * the output does not depend on how the input was split. Zeros follow the input at {@link #finish}.
 */
abstract class PolyphaseStream implements ResamplerEngine {

    private static final int BLOCK = 4096;

    protected final int up;
    protected final int down;
    protected final int halfTaps;
    /** {@code down = stepWhole * up + stepPhase}: an output's step in whole inputs and phases. */
    private final int stepWhole;
    private final int stepPhase;

    /** {@code buffer[i]} is input sample {@code bufferStart + i}. */
    protected final float[] buffer;
    protected long bufferStart;
    private int bufferLength;
    private final float[] out = new float[BLOCK];
    private int outLength;
    private long outputIndex;
    private long limit = Long.MAX_VALUE;
    /** Next output's input time: {@code inputIndex + phase / up}. */
    private long inputIndex;
    private int phase;

    /**
     * @param firstInput index of the first sample the buffer holds at the start
     * @param leadingZeros how many zeros stand in front of the signal from {@code firstInput} on (they are in
     *     the buffer from the start)
     */
    PolyphaseStream(int up, int down, int halfTaps, long firstInput, int leadingZeros) {
        // History compaction needs halfTaps above the input step per output.
        if (halfTaps < (down + up - 1) / up + 1) {
            throw new IllegalArgumentException("halfTaps " + halfTaps + " too small for " + up + "/" + down);
        }
        this.up = up;
        this.down = down;
        this.halfTaps = halfTaps;
        this.stepWhole = down / up;
        this.stepPhase = down % up;
        this.buffer = new float[2 * halfTaps + BLOCK];
        this.bufferStart = firstInput;
        this.bufferLength = leadingZeros;
    }

    /** Output {@code j} for phase {@code p}, its first input at {@code buffer[start]}. */
    protected abstract float filter(int start, int p);

    /**
     * Computes several outputs at once while they are complete (window end below {@code inputEnd}) and below
     * {@code limit}, using {@link #takeOutputs}; the same values {@link #filter} would give. None by default.
     */
    protected void produceBatch(long limit, long inputEnd, SampleSink sink) {
    }

    /** No output from {@code outputs} on: set before the last input arrives (it may hold more than is needed). */
    final void limit(long outputs) {
        this.limit = outputs;
    }

    @Override
    public final void process(float[] samples, int offset, int length, SampleSink sink) {
        int pos = offset;
        int end = offset + length;
        while (pos < end) {
            makeRoom();
            int n = Math.min(end - pos, buffer.length - bufferLength);
            System.arraycopy(samples, pos, buffer, bufferLength, n);
            bufferLength += n;
            pos += n;
            produce(limit, sink);
        }
        flush(sink);
    }

    @Override
    public final void finish(long outputLength, SampleSink sink) {
        while (outputIndex < outputLength) {
            makeRoom();
            // Zeros after the end of the signal, appended like input so the arithmetic is the same as mid-stream.
            Arrays.fill(buffer, bufferLength, buffer.length, 0f);
            bufferLength = buffer.length;
            produce(outputLength, sink);
        }
        flush(sink);
    }

    private void produce(long until, SampleSink sink) {
        long bufferEnd = bufferStart + bufferLength;
        produceBatch(until, bufferEnd - halfTaps, sink);
        while (outputIndex < until && inputIndex + halfTaps < bufferEnd) {
            if (outLength == out.length) {
                flush(sink);
            }
            out[outLength++] = filter((int) (inputIndex - halfTaps + 1 - bufferStart), phase);
            advance(1);
        }
    }

    /** For {@link #produceBatch}: room for {@code count} outputs, written by the caller from the offset returned. */
    protected final int takeOutputs(int count, SampleSink sink) {
        if (outLength + count > out.length) {
            flush(sink);
        }
        int at = outLength;
        outLength += count;
        advance(count);
        return at;
    }

    protected final float[] outputBuffer() {
        return out;
    }

    private void advance(int count) {
        outputIndex += count;
        long phases = phase + (long) count * stepPhase;
        inputIndex += (long) count * stepWhole + phases / up;
        phase = (int) (phases % up);
    }

    /** The next output's input index {@code n} (its time is {@code n + nextPhase() / up}). */
    protected final long nextInputIndex() {
        return inputIndex;
    }

    protected final int nextPhase() {
        return phase;
    }

    protected final long nextOutputIndex() {
        return outputIndex;
    }

    /** Outputs per step: {@code down = stepWhole * up + stepPhase}. */
    protected final int stepWhole() {
        return stepWhole;
    }

    protected final int stepPhase() {
        return stepPhase;
    }

    /** Drops history no future output reads, once the buffer is full. */
    private void makeRoom() {
        if (bufferLength < buffer.length) {
            return;
        }
        int drop = (int) (inputIndex - halfTaps + 1 - bufferStart);
        System.arraycopy(buffer, drop, buffer, 0, bufferLength - drop);
        bufferLength -= drop;
        bufferStart += drop;
    }

    private void flush(SampleSink sink) {
        if (outLength > 0) {
            sink.accept(out, 0, outLength);
            outLength = 0;
        }
    }
}
