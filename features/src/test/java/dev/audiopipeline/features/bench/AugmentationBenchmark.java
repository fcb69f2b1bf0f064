package dev.audiopipeline.features.bench;

import dev.audiopipeline.features.augment.AugmentationSettings;
import dev.audiopipeline.features.augment.SegmentAugmenter;
import dev.audiopipeline.features.augment.TimeStretcher;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * One augmented variant of a 3-s segment at 22050 Hz (66,150 samples), one thread, default effect ranges, and
 * its two expensive parts alone: one phase-vocoder stretch and one resampling by a pitch-shift ratio.
 * How to run it: see features/AUGMENTATION.md. Not a test: surefire only runs {@code *Test} classes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:+UseParallelGC"})
@Threads(1)
public class AugmentationBenchmark {

    private static final int SAMPLE_RATE = 22050;

    private SegmentAugmenter augmenter;
    private TimeStretcher stretcher;
    private float[] segment;
    private double[] samples;
    private int variant;

    @Setup
    public void setUp() {
        augmenter = new SegmentAugmenter(AugmentationSettings.builder().variants(1000).build(), SAMPLE_RATE);
        stretcher = new TimeStretcher();
        segment = new float[3 * SAMPLE_RATE];
        samples = new double[segment.length];
        Random random = new Random(42);
        double phase = 0;
        for (int i = 0; i < segment.length; i++) {
            phase += 2 * Math.PI * 220.0 * Math.pow(2.0, i / (10.0 * SAMPLE_RATE)) / SAMPLE_RATE;
            segment[i] = (float) (0.4 * Math.sin(phase) + 0.2 * Math.sin(2 * phase) + 0.02 * random.nextGaussian());
            samples[i] = segment[i];
        }
    }

    /** Every effect, parameters drawn per variant (each variant has a different stretch and pitch). */
    @Benchmark
    public float[] variantAllEffects() {
        variant = variant % 1000 + 1;
        return augmenter.variant(segment, "bench-track", 0, variant);
    }

    @Benchmark
    public double[] timeStretchOnly() {
        return stretcher.stretch(samples, 1.05);
    }

    /** The resampling half of a +2-semitone pitch shift. */
    @Benchmark
    public double[] resampleOnly() {
        return SegmentAugmenter.resampleBy(samples, Math.pow(2, -2.0 / 12));
    }

    /** Runs this benchmark; extra arguments are passed to JMH (e.g. {@code -wi 3 -i 5}). */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Options options = new OptionsBuilder()
                .include(AugmentationBenchmark.class.getSimpleName())
                .parent(new CommandLineOptions(args))
                .build();
        new Runner(options).run();
    }
}
