package dev.audiopipeline.pipeline.decode;

import dev.audiopipeline.pipeline.rejection.RejectionReason;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Picks the decoder for an input by its first bytes (never by its file name: a text file renamed .wav is
 * {@link RejectionReason#UNSUPPORTED_FORMAT}, a WAV named .mp3 still decodes). RIFF/RF64 WAVE goes to the
 * pure-Java {@link WavDecoder}; everything else to {@link FfmpegDecoder}, which rejects what no FFmpeg demuxer
 * recognises.
 */
public final class AudioDecoders {

    private static final int SNIFF_BYTES = 64;

    private AudioDecoders() {}

    /**
     * Opens {@code in} with the decoder its content calls for. The returned stream owns {@code in}. The input is
     * read strictly in order, so an MP4/M4A whose {@code moov} atom follows the audio cannot be decoded from it
     * ({@link RejectionReason#UNSUPPORTED_FORMAT}); {@link #open(SeekableSource, String)} can.
     *
     * @param name the path or URI, used in error details
     */
    public static AudioStream open(InputStream in, String name) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(SNIFF_BYTES);
        byte[] head = new byte[SNIFF_BYTES];
        int length = 0;
        int n;
        try {
            while (length < SNIFF_BYTES && (n = buffered.read(head, length, SNIFF_BYTES - length)) > 0) {
                length += n;
            }
            buffered.reset();
        } catch (IOException e) {
            buffered.close();
            throw new AudioDecodeException(RejectionReason.UNREADABLE, name + ": read failed: " + e.getMessage(), e);
        }
        try {
            if (length == 0) {
                throw new AudioDecodeException(RejectionReason.EMPTY, name + ": file is empty (0 bytes)");
            }
        } catch (IOException | RuntimeException e) {
            buffered.close();
            throw e;
        }
        // Both decoders close the input themselves when they fail.
        if (WavDecoder.sniff(head, length)) {
            return openWav(buffered, name);
        }
        return FfmpegDecoder.open(buffered, name);
    }

    /**
     * Opens {@code source} with the decoder its content calls for; FFmpeg may seek in it. The returned stream
     * owns {@code source}.
     *
     * @param name the path or URI, used in error details
     */
    public static AudioStream open(SeekableSource source, String name) throws IOException {
        byte[] head = new byte[SNIFF_BYTES];
        int length = 0;
        try {
            int n;
            while (length < SNIFF_BYTES && (n = source.read(length, head, length, SNIFF_BYTES - length)) > 0) {
                length += n;
            }
        } catch (IOException e) {
            source.close();
            throw new AudioDecodeException(RejectionReason.UNREADABLE, name + ": read failed: " + e.getMessage(), e);
        }
        if (length == 0) {
            source.close();
            throw new AudioDecodeException(RejectionReason.EMPTY, name + ": file is empty (0 bytes)");
        }
        if (WavDecoder.sniff(head, length)) {
            return openWav(new SourceInputStream(source), name);
        }
        return FfmpegDecoder.open(source, name);
    }

    private static AudioStream openWav(InputStream in, String name) throws IOException {
        try {
            return WavDecoder.open(in, name);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }
}
