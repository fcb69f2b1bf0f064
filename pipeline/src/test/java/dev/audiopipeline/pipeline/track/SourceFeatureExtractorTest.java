package dev.audiopipeline.pipeline.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.audiopipeline.features.FeatureExtractor;
import dev.audiopipeline.features.FeatureResult;
import dev.audiopipeline.features.FeatureSettings;
import dev.audiopipeline.pipeline.corpus.WavWriter;
import dev.audiopipeline.pipeline.decode.ByteArraySource;
import dev.audiopipeline.pipeline.rejection.RejectionReason;
import dev.audiopipeline.pipeline.segment.SegmentSettings;
import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SourceFeatureExtractorTest {

    private static final int RATE = 22050;
    private static final SegmentSettings SEGMENTS = new SegmentSettings(3, 3, SegmentSettings.TailPolicy.DROP, 0.5, 0);

    @Test
    void givesEverySegmentsFeaturesAsTheKernelComputesThem() throws Exception {
        float[] samples = tone(7.0);
        byte[] wav = wav(samples);

        TrackFeatures track = extractor(600).withinTimeLimit(() -> new ByteArraySource(wav), "a.wav");

        assertThat(track.isFailure()).isFalse();
        assertThat(track.segments()).extracting(SegmentFeatures::index, SegmentFeatures::startSeconds)
                .containsExactly(tuple(0, 0.0), tuple(1, 3.0));
        SegmentFeatures second = track.segments().get(1);
        FeatureResult expected = FeatureExtractor.forSettings(FeatureSettings.defaults())
                .extract(Arrays.copyOfRange(samples, 3 * RATE, 6 * RATE), ExtractionSettings.MATRIX_SET);
        assertThat(second.mfcc()).isDeepEqualTo(expected.mfcc());
        assertThat(second.logmel()).isDeepEqualTo(expected.logMel());
        assertThat(second.contrast()).isDeepEqualTo(expected.contrast());
        assertThat(second.stats()).containsExactly(expected.statistics(ExtractionSettings.MATRICES).values());
        assertThat(second.durationSeconds()).isEqualTo(3.0);
        assertThat(second.sampleRate()).isEqualTo(RATE);
    }

    @Test
    void badInputsBecomeFailuresWithTheirReason() throws Exception {
        SourceFeatureExtractor extractor = extractor(600);
        byte[] text = "not audio at all".getBytes(StandardCharsets.UTF_8);

        assertThat(extractor.extract(() -> new ByteArraySource(text), "notes.mp3"))
                .extracting(TrackFeatures::failure).isEqualTo(RejectionReason.UNSUPPORTED_FORMAT);
        assertThat(extractor.extract(() -> new ByteArraySource(new byte[0]), "empty.wav"))
                .extracting(TrackFeatures::failure).isEqualTo(RejectionReason.EMPTY);
        TrackFeatures shortOne = extractor.extract(() -> new ByteArraySource(wav(tone(1.0))), "short.wav");
        assertThat(shortOne.failure()).isEqualTo(RejectionReason.TOO_SHORT);
        assertThat(shortOne.detail()).startsWith("short.wav: ").contains("shorter than one 3.00 s segment");
        TrackFeatures missing = extractor.extract(() -> {
            throw new FileNotFoundException("gone.wav");
        }, "gone.wav");
        assertThat(missing.failure()).isEqualTo(RejectionReason.UNREADABLE);
        assertThat(missing.segments()).isEmpty();
    }

    @Test
    void anInputOverTheTimeLimitIsATimeoutNamingTheLimit() throws Exception {
        byte[] wav = wav(tone(60.0));

        TrackFeatures track = extractor(0.001).withinTimeLimit(() -> new ByteArraySource(wav), "long.wav");

        assertThat(track.failure()).isEqualTo(RejectionReason.TIMEOUT);
        assertThat(track.detail()).isEqualTo("long.wav: not done within the 0.001 s per-file limit (the limit)");
    }

    private static SourceFeatureExtractor extractor(double timeoutSeconds) {
        return new SourceFeatureExtractor(
                new ExtractionSettings(FeatureSettings.defaults(), SEGMENTS, timeoutSeconds), "the limit");
    }

    private static float[] tone(double seconds) {
        float[] samples = new float[(int) Math.round(seconds * RATE)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / RATE));
        }
        return samples;
    }

    private static byte[] wav(float[] samples) throws IOException {
        Path file = TestScratch.newDirectory("source-features").resolve("a.wav");
        WavWriter.of(WavWriter.Encoding.FLOAT_32).write(file, samples, RATE);
        return Files.readAllBytes(file);
    }
}
