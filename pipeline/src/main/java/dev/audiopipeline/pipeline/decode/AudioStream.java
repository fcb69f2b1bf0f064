package dev.audiopipeline.pipeline.decode;

import dev.audiopipeline.pipeline.rejection.RejectionReason;
import java.io.Closeable;
import java.io.IOException;

/**
 * Decoded audio read as it is decoded, a block at a time, so that a file is never held whole in memory.
 * Samples are floats in [-1, 1] at the source rate, interleaved by channel.
 */
public interface AudioStream extends Closeable {

    AudioStreamInfo info();

    /**
     * Reads up to {@code maxFrames} frames into {@code interleaved} (which must hold
     * {@code maxFrames * channels} floats).
     *
     * @return the number of frames read, or -1 at the end of the audio
     * @throws AudioDecodeException if the data turn out to be broken (e.g. {@link RejectionReason#TRUNCATED})
     */
    int read(float[] interleaved, int maxFrames) throws IOException;

    /**
     * The tags the demuxer read (FFmpeg's container and audio-stream dictionaries), available once the stream is
     * open and until it is closed; {@link MediaMetadata#NONE} for decoders that read none.
     */
    default MediaMetadata metadata() {
        return MediaMetadata.NONE;
    }
}
