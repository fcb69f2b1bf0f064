package dev.audiopipeline.jobs.cli;

import dev.audiopipeline.features.Feature;
import dev.audiopipeline.features.FeatureExtractor;
import dev.audiopipeline.features.FeatureResult;
import dev.audiopipeline.features.FeatureSettings;
import dev.audiopipeline.features.resample.ResampleType;
import dev.audiopipeline.jobs.config.FeatureSettingsConfig;
import dev.audiopipeline.jobs.config.JobConfig;
import dev.audiopipeline.jobs.config.Settings;
import dev.audiopipeline.jobs.output.FrameCsvWriter;
import dev.audiopipeline.pipeline.audio.DecodedAudio;
import dev.audiopipeline.pipeline.audio.MonoAudioReader;
import dev.audiopipeline.pipeline.decode.FileSource;
import dev.audiopipeline.pipeline.rejection.RejectedAudioException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Features of one local file, no Spark: CSV with one row per frame. */
@Command(
        name = "features",
        mixinStandardHelpOptions = true,
        header = "Features of one local audio file as CSV, one row per frame (no Spark).",
        sortOptions = false,
        description = {
            "Computes features of one local audio file as librosa 0.11 does (no Spark) and writes a CSV with a "
                    + "header row and one row per frame: a 'frame' column, then one column per coefficient "
                    + "(e.g. mfcc_00..mfcc_12). The file is decoded, averaged to mono and resampled to --sr first.",
            ""
        })
public final class FeaturesCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(FeaturesCommand.class);

    @Parameters(index = "0", paramLabel = "FILE",
            description = "The audio file: WAV, MP3, FLAC, OGG Vorbis, Opus, M4A/AAC, AIFF, AU, ...")
    Path input;

    @Option(names = "--feature", required = true, split = ",", paramLabel = "NAME",
            converter = FeatureConverter.class,
            description = "What to compute: mfcc, logmel, mel, contrast, mfcc_delta, rms, zcr, centroid, bandwidth, "
                    + "rolloff, chroma, stft_mag; several separated by commas give their columns side by side.")
    List<Feature> features;

    @Option(names = "--out", required = true, paramLabel = "OUT.csv",
            description = "The CSV to write ('-' for standard output). Written whole or not at all.")
    String output;

    @Option(names = "--n-mfcc", paramLabel = "N", description = "Number of MFCCs (setting features.n-mfcc).")
    Integer nMfcc;

    @Option(names = "--sr", paramLabel = "HZ", description = "Sample rate to resample to (features.sample-rate).")
    Integer sampleRate;

    @Option(names = "--n-fft", paramLabel = "N", description = "FFT length (features.n-fft).")
    Integer nFft;

    @Option(names = "--hop", paramLabel = "N", description = "Hop length in samples (features.hop-length).")
    Integer hop;

    @Option(names = "--n-mels", paramLabel = "N", description = "Number of mel bands (features.n-mels).")
    Integer nMels;

    @Mixin ConfigOptions configOptions;

    @Override
    public Integer call() throws IOException {
        JobConfig config = configOptions.builder()
                .option(Settings.N_MFCC, "--n-mfcc", nMfcc)
                .option(Settings.SAMPLE_RATE, "--sr", sampleRate)
                .option(Settings.N_FFT, "--n-fft", nFft)
                .option(Settings.HOP_LENGTH, "--hop", hop)
                .option(Settings.N_MELS, "--n-mels", nMels)
                .build();
        FeatureSettings settings = FeatureSettingsConfig.from(config);

        DecodedAudio audio = decode(settings.sampleRate(), settings.resType());
        List<Feature> ordered = List.copyOf(new LinkedHashSet<>(features)); // as given, each once
        FeatureResult result;
        try {
            result = FeatureExtractor.forSettings(settings).extract(audio.samples(), EnumSet.copyOf(ordered));
        } catch (IllegalArgumentException e) {
            throw new JobFailedException(input + ": " + e.getMessage(), e);
        }
        FrameCsvWriter.write(output, ordered, result);
        LOG.info("{}: {} frames of {} ({} s at {} Hz, settings {}) -> {}", input, result.frameCount(), ordered,
                String.format(java.util.Locale.ROOT, "%.2f", audio.durationSeconds()), settings.sampleRate(),
                settings.hash().substring(0, 12), output);
        return 0;
    }

    private DecodedAudio decode(int rate, ResampleType resType) {
        try {
            return new MonoAudioReader(rate, resType).read(FileSource.open(input), input.toString());
        } catch (RejectedAudioException e) {
            throw new JobFailedException(e.reason().code() + ": " + e.detail(), e);
        } catch (NoSuchFileException e) {
            throw new JobFailedException(input + ": no such file", e);
        } catch (IOException e) {
            throw new JobFailedException(input + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Feature names on the command line, with the list of valid names in the error. */
    static final class FeatureConverter implements ITypeConverter<Feature> {
        @Override
        public Feature convert(String value) {
            return Feature.fromCliName(value);
        }
    }
}
