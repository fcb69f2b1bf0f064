package dev.audiopipeline.features.dsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.features.Feature;
import dev.audiopipeline.features.FeatureExtractor;
import dev.audiopipeline.features.FeatureSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A JVM started without {@code --add-modules jdk.incubator.vector} (a bare spark-submit) still computes features. */
class FrameFftWithoutVectorModuleTest {

    /** Run in the child JVM: an STFT of a tone, then what ran. */
    public static void main(String[] args) {
        Stft stft = new Stft(2048, 512, 2048, true);
        float[] tone = new float[22050];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) Math.sin(2 * Math.PI * 440 * i / 22050.0);
        }
        double[] power = new double[stft.nBins()];
        stft.newPlan().powerSpectrum(tone, 10, power);
        int peak = 0;
        for (int k = 1; k < power.length; k++) {
            peak = power[k] > power[peak] ? k : peak;
        }
        System.out.println("peak bin " + peak);
        System.out.println("fft " + FrameFft.describe());
        System.out.println("class " + FrameFft.create(2048).getClass().getSimpleName());
        float[][] mfcc = FeatureExtractor.forSettings(FeatureSettings.defaults())
                .extract(tone, EnumSet.of(Feature.MFCC, Feature.CONTRAST)).mfcc(); // the mel and DCT dot products
        System.out.println("mfcc frames " + mfcc.length + " finite " + Float.isFinite(mfcc[10][0]));
    }

    @Test
    void fallsBackToJTransformsAndSaysWhy() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                FrameFftWithoutVectorModuleTest.class.getName()))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output)
                .contains("peak bin 41") // 440 Hz * 2048 / 22050 = 40.9
                .contains("fft JTransforms (the JVM was started without --add-modules jdk.incubator.vector)")
                .contains("class JTransformsFft")
                .contains("mfcc frames 44 finite true")
                .doesNotContain("incubator modules"); // the module was not loaded at all
    }
}
