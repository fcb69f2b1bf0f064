package dev.audiopipeline.pipeline.decode;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Picks the decoder for an input by its first bytes (never by its file name: a text file renamed .wav is
 * {@link DecodeFailure#UNSUPPORTED_FORMAT}, a WAV named .mp3 still decodes).
 */
public final class AudioDecoders {

    private static final int SNIFF_BYTES = 64;

    private AudioDecoders() {}

    /**
     * Opens {@code in} with the decoder its content calls for. The returned stream owns {@code in}.
     *
     * @param name the path or URI, used in error details
     */
    public static AudioStream open(InputStream in, String name) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(SNIFF_BYTES);
        byte[] head = new byte[SNIFF_BYTES];
        int length = 0;
        int n;
        while (length < SNIFF_BYTES && (n = buffered.read(head, length, SNIFF_BYTES - length)) > 0) {
            length += n;
        }
        buffered.reset();
        try {
            if (length == 0) {
                throw new AudioDecodeException(DecodeFailure.EMPTY, name + ": file is empty (0 bytes)");
            }
            if (WavDecoder.sniff(head, length)) {
                return WavDecoder.open(buffered, name);
            }
            throw new AudioDecodeException(DecodeFailure.UNSUPPORTED_FORMAT,
                    name + ": not a recognised audio format (supported: WAV)");
        } catch (IOException | RuntimeException e) {
            buffered.close();
            throw e;
        }
    }
}
