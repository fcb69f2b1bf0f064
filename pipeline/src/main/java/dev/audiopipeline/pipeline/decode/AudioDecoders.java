package dev.audiopipeline.pipeline.decode;

import dev.audiopipeline.pipeline.rejection.RejectionReason;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Picks the decoder for an input by its first bytes (never by its file name: a text file renamed .wav is
 * {@link RejectionReason#UNSUPPORTED_FORMAT}, a WAV named .mp3 still decodes). RIFF/RF64 WAVE goes to the
 * pure-Java {@link WavDecoder}, unless its fmt chunk names a codec that reader does not decode (G.711 mu-law or
 * A-law, MS or IMA ADPCM, GSM 6.10, ...): such a file goes, from its first byte, to FFmpeg's WAV demuxer and
 * decoders, as does everything else; {@link FfmpegDecoder} rejects what no FFmpeg demuxer or decoder knows.
 */
public final class AudioDecoders {

    private static final int SNIFF_BYTES = 64;
    /**
     * How much of a WAV header an {@link InputStream} keeps for FFmpeg to read again when the codec is not the
     * WAV reader's: the chunks before and including fmt (a larger header, e.g. with embedded cover art, is then
     * unsupported_format from a plain stream; a {@link SeekableSource} has no such limit).
     */
    private static final int WAV_HEADER_REPLAY_BYTES = 1 << 20;

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
        if (!WavDecoder.sniff(head, length)) {
            return FfmpegDecoder.open(buffered, name);
        }
        buffered.mark(WAV_HEADER_REPLAY_BYTES);
        WavDecoder.Opened wav = openWav(buffered, name);
        if (wav.stream() != null) {
            return wav.stream();
        }
        try {
            buffered.reset();
        } catch (IOException markLost) {
            buffered.close();
            throw new AudioDecodeException(RejectionReason.UNSUPPORTED_FORMAT, name + ": " + wav.otherCodec()
                    + " is for FFmpeg, but its header is too long (over " + WAV_HEADER_REPLAY_BYTES
                    + " bytes) to hand FFmpeg a stream: read it from a seekable source", markLost);
        }
        return withWavCodec(() -> FfmpegDecoder.open(buffered, name), wav, name);
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
        if (!WavDecoder.sniff(head, length)) {
            return FfmpegDecoder.open(source, name);
        }
        WavDecoder.Opened wav = openWav(new SourceInputStream(source), name);
        if (wav.stream() != null) {
            return wav.stream();
        }
        // FFmpeg reads from byte 0 again: a SeekableSource is positioned per read.
        return withWavCodec(() -> FfmpegDecoder.open(source, name), wav, name);
    }

    private interface Opener {
        AudioStream open() throws IOException;
    }

    /** Opens a WAV with FFmpeg; if FFmpeg cannot decode it either, the rejection names the WAV codec. */
    private static AudioStream withWavCodec(Opener ffmpeg, WavDecoder.Opened wav, String name) throws IOException {
        try {
            return ffmpeg.open();
        } catch (AudioDecodeException e) {
            if (e.reason() != RejectionReason.UNSUPPORTED_FORMAT) {
                throw e;
            }
            throw new AudioDecodeException(RejectionReason.UNSUPPORTED_FORMAT, name + ": " + wav.otherCodec()
                    + " is decoded neither by the WAV reader nor by FFmpeg (" + e.detail() + ")", e);
        }
    }

    /** The WAV reader's stream or verdict; {@code in} is closed only when it throws. */
    private static WavDecoder.Opened openWav(InputStream in, String name) throws IOException {
        try {
            return WavDecoder.openOrIdentify(in, name);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }
}
