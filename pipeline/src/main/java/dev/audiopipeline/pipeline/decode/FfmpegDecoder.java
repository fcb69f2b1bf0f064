package dev.audiopipeline.pipeline.decode;

import dev.audiopipeline.pipeline.rejection.RejectionReason;
import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes every audio format FFmpeg's demuxers recognise (MP3, FLAC, Ogg Vorbis and Opus, AAC/ALAC in MP4/M4A,
 * AIFF/AIFC, AU/SND, WMA, ...) with libavformat, libavcodec and libswresample as packaged by JavaCPP. The
 * decoder decides by content, never by file name.
 *
 * <p>Bytes come through a custom AVIOContext whose callbacks read a {@link SeekableSource} (or an
 * {@link InputStream}): no path is handed to FFmpeg and nothing is written to disk. Output is interleaved
 * float32 at the source sample rate and channel count; only the sample format is converted. Packets are decoded
 * as {@link AudioStream#read} asks for them, so memory stays bounded whatever the file's length.
 * {@link AudioStreamInfo#frames()} is the container's duration when it states one, or when FFmpeg's estimate is
 * exact (constant-size PCM); a duration guessed from the bit rate (e.g. a VBR MP3 without a Xing header) is
 * reported as -1.
 *
 * <p>Failures, as {@link AudioDecodeException} reasons:
 * <ul>
 *   <li>zero bytes, or a file that decodes to no samples: {@link RejectionReason#EMPTY};
 *   <li>no demuxer recognises the bytes, a container without an audio stream, or a codec without a decoder:
 *       {@link RejectionReason#UNSUPPORTED_FORMAT};
 *   <li>zero or more than 64 channels, a sample rate of 0 or above 1,000,000 Hz, a decoder that will not open,
 *       a sample rate that changes mid-stream, or more than one packet plus 10% of the audio packets failing to
 *       decode (FFmpeg skips a damaged packet and goes on; a few are tolerated). A verdict can come mid-stream
 *       (from 16 failures on) or at the end, after the good audio was delivered: {@link RejectionReason#CORRUPT};
 *   <li>a file that ends inside its container header (e.g. an Ogg file cut before its first complete audio
 *       page, which FFmpeg's muxer fills with about a second of audio): {@link RejectionReason#TRUNCATED};
 *   <li>an exception from the source's read: {@link RejectionReason#UNREADABLE}, with it as the cause.
 * </ul>
 *
 * <p>Truncated files: MP3, FLAC and Ogg carry no total length that FFmpeg checks, so a file cut short cannot be
 * told from a short one. The policy is the same for every format: the stream delivers what decodes before the
 * cut (a damaged last packet counts as one decode error, which is tolerated) and then ends normally: no
 * {@link RejectionReason#TRUNCATED} once the audio has begun. Ogg delivers whole pages only, so a cut Ogg file
 * loses the audio of its last partial page. {@link AudioStreamInfo#frames()}, taken from the header, can then be larger
 * than what {@code read} delivers; a caller that needs the check compares the two. A cut that leaves no audio is
 * {@link RejectionReason#EMPTY}, or {@link RejectionReason#CORRUPT} if its packets failed to decode.
 *
 * <p>Streams are not thread-safe, but any number of them may decode in parallel threads.
 */
public final class FfmpegDecoder {

    private FfmpegDecoder() {}

    /**
     * Opens {@code source}, which may be seeked (needed for an MP4/M4A whose {@code moov} atom follows the
     * audio). The returned stream owns {@code source}: closing it closes the source, and so does a failure here.
     *
     * @param name the path or URI, used in error details
     */
    public static AudioStream open(SeekableSource source, String name) throws IOException {
        return FfmpegAudioStream.open(source, true, name);
    }

    /**
     * Opens {@code in}, read strictly in order: FFmpeg cannot seek, so an MP4/M4A whose {@code moov} atom comes
     * after the audio (the default of most encoders, unlike {@code -movflags +faststart}) fails with
     * {@link RejectionReason#UNSUPPORTED_FORMAT} and a detail saying the container needs a seekable source; use
     * {@link #open(SeekableSource, String)} for those. The returned stream owns {@code in}.
     *
     * @param name the path or URI, used in error details
     */
    public static AudioStream open(InputStream in, String name) throws IOException {
        return FfmpegAudioStream.open(new ForwardOnlySource(in), false, name);
    }
}
