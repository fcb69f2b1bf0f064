package dev.audiopipeline.features.bench;

import dev.audiopipeline.features.Feature;
import dev.audiopipeline.features.FeatureExtractor;
import dev.audiopipeline.features.FeatureResult;
import dev.audiopipeline.features.FeatureSettings;
import dev.audiopipeline.features.dsp.FrameFft;
import dev.audiopipeline.features.dsp.Stft;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * One 30-s clip at 22050 Hz (1292 frames), one thread: MFCC 13 + log-mel 128 + spectral contrast from one STFT,
 * plus the summary-statistics vector of the three; and, for scale, the STFT alone. Reports the sampled time per
 * clip (p0.50 = median).
 * How to run it: see features/BENCHMARK.md. Not a test: surefire only runs {@code *Test} classes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:+UseParallelGC", "--add-modules=jdk.incubator.vector"})
@Threads(1)
public class FeatureExtractorBenchmark {

    private static final Set<Feature> FEATURES = EnumSet.of(Feature.MFCC, Feature.LOGMEL, Feature.CONTRAST);

    /** {@link FrameFft#PROPERTY}: the Vector API FFT (the default where usable) or JTransforms'. */
    @Param({"vector", "jtransforms"})
    public String fft;

    private FeatureExtractor extractor;
    private float[] clip;
    private Stft stft;
    private ThreadLocal<Stft.Plan> stftPlan;
    private final double[] power = new double[1025];

    @Setup
    public void setUp() {
        System.setProperty(FrameFft.PROPERTY, fft); // each parameter value runs in its own fork
        extractor = new FeatureExtractor(FeatureSettings.defaults());
        stft = new Stft(2048, 512, 2048, true);
        stftPlan = ThreadLocal.withInitial(stft::newPlan);
        int sampleRate = 22050;
        clip = new float[30 * sampleRate];
        Random random = new Random(42);
        // A music-like test signal: three partials of a slowly gliding tone plus a little noise.
        double phase = 0;
        for (int i = 0; i < clip.length; i++) {
            double time = (double) i / sampleRate;
            double frequency = 220.0 * Math.pow(2.0, time / 10.0);
            phase += 2 * Math.PI * frequency / sampleRate;
            clip[i] = (float) (0.4 * Math.sin(phase) + 0.2 * Math.sin(2 * phase) + 0.1 * Math.sin(3 * phase)
                    + 0.02 * random.nextGaussian());
        }
    }

    /** The floor: framing, window, double-precision real FFT and |X|^2 of every frame, nothing else. */
    @Benchmark
    public void stftPowerOnly(Blackhole blackhole) {
        Stft.Plan plan = stftPlan.get();
        int frames = stft.frameCount(clip.length);
        for (int t = 0; t < frames; t++) {
            plan.powerSpectrum(clip, t, power);
            blackhole.consume(power[t % power.length]);
        }
    }

    @Benchmark
    public void mfccLogMelContrastStatistics(Blackhole blackhole) {
        FeatureResult result = extractor.extract(clip, FEATURES);
        blackhole.consume(result.statistics().values());
        blackhole.consume(result);
    }

    /** Runs this benchmark; extra arguments are passed to JMH (e.g. {@code -wi 3 -i 5}). */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Options options = new OptionsBuilder()
                .include(FeatureExtractorBenchmark.class.getSimpleName())
                .parent(new CommandLineOptions(args))
                .build();
        new Runner(options).run();
    }
}
