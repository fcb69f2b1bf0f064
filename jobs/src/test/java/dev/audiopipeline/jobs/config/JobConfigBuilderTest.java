package dev.audiopipeline.jobs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.audiopipeline.features.FeatureSettings;
import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobConfigBuilderTest {

    @Test
    void defaultsAreTheFeatureKernelsOwn() {
        JobConfig config = JobConfig.defaults();
        assertThat(FeatureSettingsConfig.from(config)).isEqualTo(FeatureSettings.defaults());
        assertThat(config.get(Settings.SAMPLE_RATE)).isEqualTo(22050);
        assertThat(config.get(Settings.N_MFCC)).isEqualTo(13);
        assertThat(config.get(Settings.FMAX)).isNull();
        assertThat(config.sourceOf(Settings.N_FFT)).isEqualTo(ConfigSource.DEFAULT);
    }

    @Test
    void laterLayersWinAndRememberWhereTheyCameFrom() throws IOException {
        Path file = write("# comment\n\nfeatures.n-fft = 1024\nfeatures.n-mels=64\nfeatures.hop-length = 256\n");
        JobConfig config = new JobConfigBuilder()
                .file(file)
                .confOptions(List.of("features.n-mels=40", "features.n-mfcc=20"))
                .option(Settings.N_MFCC, "--n-mfcc", 30)
                .option(Settings.HOP_LENGTH, "--hop", null)
                .build();

        assertThat(config.get(Settings.N_FFT)).isEqualTo(1024);
        assertThat(config.sourceOf(Settings.N_FFT).toString()).isEqualTo(file + ":3");
        assertThat(config.get(Settings.N_MELS)).isEqualTo(40);
        assertThat(config.sourceOf(Settings.N_MELS).kind()).isEqualTo(ConfigSource.Kind.CONF_OPTION);
        assertThat(config.get(Settings.N_MFCC)).isEqualTo(30);
        assertThat(config.sourceOf(Settings.N_MFCC).toString()).isEqualTo("--n-mfcc");
        assertThat(config.get(Settings.HOP_LENGTH)).isEqualTo(256); // an option not given changes nothing
    }

    @Test
    void unknownKeyIsRejectedWithItsNameSourceAndTheClosestKnownKey() throws IOException {
        Path file = write("features.n-fft = 1024\nfeatures.nfft = 1024\n");
        assertThatThrownBy(() -> new JobConfigBuilder().file(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ":2: unknown setting 'features.nfft' (did you mean 'features.n-fft'?)");
        assertThatThrownBy(() -> new JobConfigBuilder().confOptions(List.of("colour=blue")))
                .hasMessage("--conf: unknown setting 'colour' (see 'audio-pipeline config' for the list)");
    }

    @Test
    void badValuesAreRejectedWithKeyValueAndWhatIsExpected() {
        assertThatThrownBy(() -> conf("features.n-fft=abc"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--conf: setting 'features.n-fft': 'abc' is not a valid integer");
        assertThatThrownBy(() -> conf("features.n-fft=8"))
                .hasMessage("--conf: setting 'features.n-fft': '8' is invalid, must be in [16, 65536]");
        assertThatThrownBy(() -> conf("features.center=maybe"))
                .hasMessage("--conf: setting 'features.center': 'maybe' is not a valid boolean (expected true or false)");
        assertThatThrownBy(() -> conf("features.fmin=NaN"))
                .hasMessageContaining("setting 'features.fmin': 'NaN' is not a valid number");
        assertThatThrownBy(() -> conf("features.n-fft=none"))
                .hasMessageContaining("setting 'features.n-fft': 'none' is not a valid integer");
        assertThatThrownBy(() -> conf("features.n-fft"))
                .hasMessage("--conf: expected key=value, got 'features.n-fft'");
    }

    @Test
    void parquetCodecTakesSparksNamesAndTheOlderLz4rawSpelling() {
        assertThat(JobConfig.defaults().get(Settings.PARQUET_CODEC)).isEqualTo("lz4_raw");
        assertThat(conf("extract.parquet-codec=lz4raw").get(Settings.PARQUET_CODEC)).isEqualTo("lz4raw");
        assertThatThrownBy(() -> conf("extract.parquet-codec=lz4"))
                .hasMessage("--conf: setting 'extract.parquet-codec': 'lz4' is invalid, must be lz4_raw, snappy, zstd,"
                        + " gzip or uncompressed");
    }

    @Test
    void malformedAndDuplicatedFileLinesAreRejectedWithTheirLine() throws IOException {
        Path noEquals = write("features.n-fft 1024\n");
        assertThatThrownBy(() -> new JobConfigBuilder().file(noEquals))
                .hasMessage(noEquals + ":1: expected 'key = value', got 'features.n-fft 1024'");
        Path twice = write("features.n-fft = 1024\n# again\nfeatures.n-fft = 512\n");
        assertThatThrownBy(() -> new JobConfigBuilder().file(twice))
                .hasMessage(twice + ":3: setting 'features.n-fft' is given twice in this file");
        assertThatThrownBy(() -> new JobConfigBuilder().file(twice.resolveSibling("missing.properties")))
                .hasMessageStartingWith("configuration file not found: ");
    }

    @Test
    void noneClearsSettingsThatAllowIt() {
        JobConfig config = conf("features.top-db=none", "features.fmax=8000");
        assertThat(config.get(Settings.TOP_DB)).isNull();
        assertThat(FeatureSettingsConfig.from(config).topDb()).isNull();
        assertThat(FeatureSettingsConfig.from(config).fmax()).isEqualTo(8000.0);
    }

    @Test
    void sparkKeysPassThroughUnchanged() {
        JobConfig config = conf("spark.executor.memory=4g", "spark.sql.shuffle.partitions = 64");
        assertThat(config.sparkProperties())
                .containsEntry("spark.executor.memory", "4g")
                .containsEntry("spark.sql.shuffle.partitions", "64");
    }

    @Test
    void inconsistentFeatureSettingsNameTheSetting() {
        JobConfig config = conf("features.sample-rate=8000", "features.fmax=6000");
        assertThatThrownBy(() -> FeatureSettingsConfig.from(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("invalid feature settings: fmax must be <= sample_rate/2=4000.0")
                .hasMessageEndingWith("(setting features.fmax)");
    }

    private static JobConfig conf(String... assignments) {
        return new JobConfigBuilder().confOptions(List.of(assignments)).build();
    }

    private static Path write(String text) throws IOException {
        Path file = TestScratch.newDirectory("config").resolve("settings.properties");
        return Files.writeString(file, text);
    }
}
