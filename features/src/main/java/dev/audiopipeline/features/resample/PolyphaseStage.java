package dev.audiopipeline.features.resample;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The second stage of {@link FftResampler}: a short polyphase filter from the first stage's rate to the output
 * rate. Its input is already band-limited by the FFT stage (nothing between the pass band's end and the rate's
 * images), so its kernel only has to pass {@code [0, passEnd]} and reject the images from {@code stopStart} on: a
 * wide transition band and a kernel of some 16-40 taps instead of hundreds.
 *
 * <p>Output {@code j} sits at input time {@code j * down / up = n + p / up}; it is the float dot product of
 * inputs {@code n - halfTaps + 1 ..} with row {@code p} of the table. For {@code up} up to 4096 the table has one
 * row per phase and outputs are computed eight at a time, one per vector lane ({@link PolyphaseGroups}); beyond
 * (e.g. 44100 -> 22051) it has {@code P + 1} rows at fractions {@code q / P} and an output interpolates linearly
 * between the dot products ({@link ScalarDot}) of the two rows around its phase. Taps come in multiples of 8.
 * Streaming as {@link PolyphaseStream}.
 */
final class PolyphaseStage extends PolyphaseStream {

    private static final int MAX_EXACT_PHASES = 4096;
    private static final int INTERPOLATED_PHASES = 8192;

    private final int taps;
    private final boolean interpolated;
    private final int phaseResolution;
    private final float[] table;
    private static final int BATCH = 1024;
    private static final Map<String, PolyphaseGroups> GROUPS = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_GROUPS = 64;

    /** The exact table laid out for 8 outputs at a time; null when interpolated. */
    private final PolyphaseGroups groups;
    private final int[] starts = new int[4];
    private final int[] rows = new int[4];
    private final float[] lanes = new float[32];
    private final float[] single = new float[4];

    /**
     * @param ratio      input rate (the first stage's output) to output rate
     * @param passEnd    end of the pass band, Hz
     * @param stopStart  start of the stop band (the first image), Hz
     * @param attenuationDb stop-band attenuation of the Kaiser design
     */
    PolyphaseStage(RateRatio ratio, double passEnd, double stopStart, double attenuationDb) {
        this(ratio, halfTaps(ratio, passEnd, stopStart, attenuationDb), passEnd, stopStart, attenuationDb);
    }

    private PolyphaseStage(RateRatio ratio, int halfTaps, double passEnd, double stopStart, double attenuationDb) {
        // The input starts at firstInput() (the first stage's pre-ringing), not with zeros.
        super(ratio.up(), ratio.down(), halfTaps, firstInput(halfTaps), 0);
        this.taps = 2 * halfTaps;
        double rate = ratio.inputRate();
        double pass = passEnd / rate;
        double stop = Math.min(stopStart / rate, 1 - pass);
        LowpassKernel kernel = new LowpassKernel((pass + stop) / 2, halfTaps,
                KaiserWindow.forAttenuation(attenuationDb));
        this.interpolated = up > MAX_EXACT_PHASES;
        this.phaseResolution = interpolated ? INTERPOLATED_PHASES : up;
        int rows = interpolated ? INTERPOLATED_PHASES + 1 : up;
        String key = up + "/" + down + ":" + taps + ":" + kernel.cutoff() + ":" + attenuationDb;
        PolyphaseGroups cached = interpolated ? null : GROUPS.get(key);
        if (cached != null) {
            this.table = null;
            this.groups = cached;
            return;
        }
        this.table = new float[rows * taps];
        for (int r = 0; r < rows; r++) {
            double fraction = (double) r / phaseResolution;
            for (int i = 0; i < taps; i++) {
                table[r * taps + i] = (float) kernel.at(fraction + halfTaps - 1 - i);
            }
        }
        this.groups = interpolated ? null : new PolyphaseGroups(up, down, taps, table);
        if (groups != null && GROUPS.size() < MAX_CACHED_GROUPS) {
            GROUPS.putIfAbsent(key, groups);
        }
    }

    /**
     * Half the taps: Kaiser's length for the transition from the pass band's end to the first image (also when
     * that is wider than half the rate, where {@link KaiserWindow#lengthFor} refuses), rounded up so that the taps
     * come in whole vectors of 8 (the window spans them all: the rounding costs nothing and buys attenuation), and
     * above the input step per output.
     */
    private static int halfTaps(RateRatio ratio, double passEnd, double stopStart, double attenuationDb) {
        double rate = ratio.inputRate();
        double pass = passEnd / rate;
        double stop = Math.min(stopStart / rate, 1 - pass);
        double span = (attenuationDb - 7.95) / (2.285 * 2 * Math.PI * (stop - pass)) + 1;
        int half = Math.max((int) Math.ceil(span / 2), (ratio.down() + ratio.up() - 1) / ratio.up() + 1);
        return (2 * half + 7) / 8 * 4;
    }

    private static int firstInput(int halfTaps) {
        int first = 1 - halfTaps;
        return first - (first & 1);
    }

    /** The index of the first input this stage expects: output 0 reads from {@code 1 - halfTaps}; even. */
    int firstInput() {
        return firstInput(halfTaps);
    }

    /** Taps per output (padded to a multiple of 8). */
    int taps() {
        return taps;
    }

    /** How many input samples, counted from {@link #firstInput}, outputs {@code 0 .. outputs-1} read. */
    long inputsNeededFor(long outputs) {
        if (outputs == 0) {
            return 0;
        }
        long last = outputs - 1;
        long n = Math.floorDiv(Math.multiplyExact(last, (long) down), up);
        return n + halfTaps + 1 - firstInput();
    }

    /**
     * Runs of up to {@value #BATCH} complete outputs, eight at a time ({@link PolyphaseGroups}; the rest goes
     * through {@link #filter}, with the same bits): those whose groups' windows lie in the buffered input.
     */
    @Override
    protected void produceBatch(long until, long inputEnd, SampleSink sink) {
        if (interpolated) {
            return;
        }
        long end = inputEnd - groups.reach();
        while (true) {
            long n = nextInputIndex();
            int p = nextPhase();
            if (n >= end) {
                return;
            }
            // Outputs j = 0, 1, ... sit at n + (p + j down) / up; those below end have their whole group window.
            long complete = ((end - n) * up - p + down - 1) / down;
            int count = (int) Math.min(Math.min(until - nextOutputIndex(), complete), BATCH) & -PolyphaseGroups.LANES;
            if (count == 0) {
                return;
            }
            int start = (int) (n - halfTaps + 1 - bufferStart);
            int at = takeOutputs(count, sink);
            VectorSupport.groups(groups, buffer, start, p, count / PolyphaseGroups.LANES, outputBuffer(), at);
        }
    }

    @Override
    protected float filter(int start, int p) {
        if (!interpolated) {
            return groups.single(buffer, start, p);
        }
        long scaled = (long) p * phaseResolution;
        int row = (int) (scaled / up);
        float weight = (float) ((double) (scaled - (long) row * up) / up);
        float lower = dot(row * taps, start);
        float upper = dot((row + 1) * taps, start);
        return lower + weight * (upper - lower);
    }

    /** One dot product, computed as the first of four so that it has the same bits as in a batch. */
    private float dot(int row, int start) {
        java.util.Arrays.fill(rows, row);
        java.util.Arrays.fill(starts, start);
        VectorSupport.dots(table, rows, buffer, starts, 4, taps, single, 0, lanes);
        return single[0];
    }
}
