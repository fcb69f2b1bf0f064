package dev.audiopipeline.pipeline.decode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecoderProbeTest {

    @Test
    void ffmpegLoadsWithEveryRequiredDecoder() {
        DecoderProbe.Result result = DecoderProbe.run();
        assertThat(result.ok()).as(result.detail()).isTrue();
        assertThat(result.detail()).startsWith("FFmpeg libavcodec 59.").contains("mp3float", "libopus");
    }
}
