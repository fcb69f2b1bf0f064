package dev.audiopipeline.pipeline.extract;

import dev.audiopipeline.pipeline.track.ExtractionSettings;
import dev.audiopipeline.pipeline.track.TrackFeatures;
import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.features.FeatureSettings;
import dev.audiopipeline.pipeline.corpus.WavWriter;
import dev.audiopipeline.pipeline.segment.SegmentSettings;
import dev.audiopipeline.pipeline.source.AudioInput;
import dev.audiopipeline.pipeline.source.AudioInputLister;
import dev.audiopipeline.pipeline.source.TrackSplit;
import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class TrackFeatureExtractorTest {

    private static final SegmentSettings SEGMENTS = new SegmentSettings(3, 3, SegmentSettings.TailPolicy.DROP, 0.5, 0);

    @Test
    void aFileOverTheTimeLimitIsOneTimeoutRejection() throws Exception {
        AudioInput input = longFile();
        TrackFeatureExtractor tight = extractor(0.001);

        TrackFeatures track = tight.withinTimeLimit(input, new Configuration());

        assertThat(track.segments()).isEmpty();
        assertThat(track.failure().code()).isEqualTo("timeout");
        assertThat(track.detail()).contains("not done within the 0.001 s per-file limit")
                .contains("extract.file-timeout-seconds");
    }

    @Test
    void aFileWithinTheLimitGivesAllItsSegments() throws Exception {
        TrackFeatures track = extractor(600).withinTimeLimit(longFile(), new Configuration());
        assertThat(track.isFailure()).isFalse();
        assertThat(track.segments()).hasSize(20).allSatisfy(segment -> assertThat(segment.variant()).isZero());
    }

    private static TrackFeatureExtractor extractor(double timeoutSeconds) {
        ExtractionSettings settings = new ExtractionSettings(FeatureSettings.defaults(), SEGMENTS, timeoutSeconds);
        return new TrackFeatureExtractor(settings, null, null, null);
    }

    /** 60 s of a tone: decoding and 20 segments' features take far longer than a millisecond. */
    private static AudioInput longFile() throws IOException {
        Path dir = TestScratch.newDirectory("timeout");
        float[] samples = new float[60 * 22050];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / 22050.0));
        }
        Path file = dir.resolve("long.wav");
        WavWriter.of(WavWriter.Encoding.PCM_16).write(file, samples, 22050);
        return new AudioInputLister(new Configuration(), new TrackSplit(0.2)).list(file.toUri().toString())
                .inputs().get(0);
    }
}
