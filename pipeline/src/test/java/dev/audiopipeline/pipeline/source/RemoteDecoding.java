package dev.audiopipeline.pipeline.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.pipeline.decode.AudioDecoders;
import dev.audiopipeline.pipeline.decode.AudioStream;
import dev.audiopipeline.pipeline.decode.ByteArraySource;
import dev.audiopipeline.pipeline.decode.FfmpegTestEncoder;
import dev.audiopipeline.pipeline.decode.TestTones;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Shared by the HDFS and S3 tests: files written to a remote filesystem, listed, opened through
 * {@link HadoopFileSource} and decoded must give exactly what decoding the same bytes in memory gives. An M4A with
 * its {@code moov} atom at the end makes the decoder seek to the end of the remote file and back.
 */
final class RemoteDecoding {

    private RemoteDecoding() {}

    /** FLAC (lossless) and M4A/AAC with moov at the end, 2 s of stereo tones at 44100 Hz. */
    static byte[][] fixtures() throws IOException {
        short[][] pcm = TestTones.tones(44100, 2, 88200);
        return new byte[][] {
            FfmpegTestEncoder.encode("flac", "flac", 0, null, 44100, pcm),
            FfmpegTestEncoder.encode("ipod", "aac", 128_000, null, 44100, pcm)
        };
    }

    static void write(Configuration conf, String uri, byte[] bytes) throws IOException {
        Path path = new Path(uri);
        try (OutputStream out = path.getFileSystem(conf).create(path, true)) {
            out.write(bytes);
        }
    }

    /** Decodes every listed input remotely and compares with the in-memory decode of {@code expected[i]}. */
    static void assertDecodesLikeLocal(Configuration conf, InputListing listing, byte[][] expected) throws IOException {
        assertThat(listing.inputs()).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            AudioInput input = listing.inputs().get(i);
            float[][] remote;
            try (AudioStream stream = AudioDecoders.open(
                    HadoopFileSource.open(conf, input.path(), input.sizeBytes()), input.path())) {
                assertThat(stream.info().sampleRate()).isEqualTo(44100);
                remote = TestTones.decodeAll(stream);
            }
            float[][] local;
            try (AudioStream stream = AudioDecoders.open(new ByteArraySource(expected[i]), "local")) {
                local = TestTones.decodeAll(stream);
            }
            assertThat(remote).as(input.path()).isDeepEqualTo(local);
            assertThat(remote[0].length).as(input.path()).isGreaterThanOrEqualTo(88200);
        }
    }
}
