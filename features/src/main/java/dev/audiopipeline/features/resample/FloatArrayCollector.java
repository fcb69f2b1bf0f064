package dev.audiopipeline.features.resample;

import java.util.Arrays;

/** A {@link SampleSink} that appends everything it receives to a growable array. Not thread-safe. */
public final class FloatArrayCollector implements SampleSink {

    private float[] data;
    private int size;

    public FloatArrayCollector() {
        this(1024);
    }

    public FloatArrayCollector(int initialCapacity) {
        this.data = new float[Math.max(16, initialCapacity)];
    }

    @Override
    public void accept(float[] samples, int offset, int length) {
        if (size + length > data.length) {
            data = Arrays.copyOf(data, Math.max(size + length, data.length * 2));
        }
        System.arraycopy(samples, offset, data, size, length);
        size += length;
    }

    public int size() {
        return size;
    }

    /** A copy of the collected samples. */
    public float[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
