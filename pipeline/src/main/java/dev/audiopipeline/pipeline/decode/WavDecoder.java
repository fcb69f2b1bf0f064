package dev.audiopipeline.pipeline.decode;

import dev.audiopipeline.pipeline.rejection.RejectionReason;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads RIFF WAVE (and RF64) files as a stream: PCM 8 (unsigned), 16, 24 and 32 bit, IEEE float 32 and 64 bit,
 * and WAVE_FORMAT_EXTENSIBLE headers carrying either. Samples are scaled as libsndfile (and so librosa) does:
 * integers divided by 2^(bits-1), floats as they are.
 *
 * <p>Chunks other than {@code fmt } and {@code data} are skipped. A data chunk whose size is 0xFFFFFFFF (written
 * by streaming tools) runs to the end of the file. A file that ends before its data chunk's declared size gives
 * the frames it holds and then ends, the product's rule for every format (FFmpeg cannot tell a cut MP3 from a
 * short one): {@code info().frames()} then exceeds what is delivered. A file cut inside its header is
 * {@link RejectionReason#TRUNCATED}; one that holds no whole frame is {@link RejectionReason#EMPTY}.
 *
 * <p>Other codecs in a WAV container (G.711 mu-law and A-law, MS and IMA ADPCM, GSM 6.10, ...) are
 * {@link RejectionReason#UNSUPPORTED_FORMAT} here; {@link AudioDecoders} hands those files to FFmpeg, which reads
 * them from the first byte again ({@link #openOrIdentify}).
 */
public final class WavDecoder {

    private static final int FORMAT_PCM = 0x0001;
    private static final int FORMAT_IEEE_FLOAT = 0x0003;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    private static final long UNKNOWN_SIZE = 0xFFFFFFFFL;
    private static final int MAX_FMT_CHUNK_BYTES = 1 << 16;
    private static final int MAX_CHANNELS = 64;
    private static final int MAX_SAMPLE_RATE = 1_000_000;

    private WavDecoder() {}

    /** True if the first bytes look like a WAV file (RIFF/RF64 ... WAVE). */
    public static boolean sniff(byte[] head, int length) {
        return length >= 12
                && (matches(head, 0, "RIFF") || matches(head, 0, "RF64"))
                && matches(head, 8, "WAVE");
    }

    /**
     * Parses the header and returns a stream positioned at the first sample. The caller closes the stream,
     * which closes {@code in}.
     *
     * @param name shown in error details (a path or URI)
     */
    public static AudioStream open(InputStream in, String name) throws IOException {
        Opened opened = openOrIdentify(in, name);
        if (opened.stream() == null) {
            throw new AudioDecodeException(RejectionReason.UNSUPPORTED_FORMAT, name + ": " + opened.otherCodec()
                    + " is not supported (PCM 8/16/24/32 and float 32/64 are)");
        }
        return opened.stream();
    }

    /**
     * What {@link #openOrIdentify} found: the stream, or (stream null) a codec this reader does not decode, which
     * FFmpeg may.
     *
     * @param otherCodec e.g. "WAV format tag 0x7 with 8 bits per sample"; null with a stream
     */
    record Opened(AudioStream stream, String otherCodec) {}

    /**
     * As {@link #open}, except that a well-formed fmt chunk naming a codec this reader does not decode is not an
     * error: the result then has no stream, and {@code in} has been read up to the end of that chunk.
     */
    static Opened openOrIdentify(InputStream in, String name) throws IOException {
        LittleEndianReader reader = new LittleEndianReader(in);
        byte[] magic = new byte[12];
        int got = reader.readUpTo(magic, 12);
        if (got == 0) {
            throw new AudioDecodeException(RejectionReason.EMPTY, name + ": file is empty (0 bytes)");
        }
        if (!sniff(magic, got)) {
            throw new AudioDecodeException(RejectionReason.UNSUPPORTED_FORMAT, name + ": not a RIFF/WAVE file");
        }
        boolean rf64 = matches(magic, 0, "RF64");
        long rf64DataSize = -1;
        Format format = null;
        try {
            while (true) {
                String chunkId = reader.readFourCc();
                long chunkSize = reader.readUInt32();
                if (chunkId.equals("ds64") && rf64) {
                    reader.readUInt64(); // RIFF size
                    rf64DataSize = reader.readUInt64();
                    reader.skipFully(chunkSize - 16 + (chunkSize & 1));
                } else if (chunkId.equals("fmt ")) {
                    if (chunkSize < 16 || chunkSize > MAX_FMT_CHUNK_BYTES) {
                        throw new AudioDecodeException(RejectionReason.CORRUPT,
                                name + ": fmt chunk of " + chunkSize + " bytes (expected 16 to " + MAX_FMT_CHUNK_BYTES + ")");
                    }
                    format = Format.read(reader, (int) chunkSize, name);
                    if (format.otherCodec() != null) {
                        return new Opened(null, format.otherCodec());
                    }
                    reader.skipFully(chunkSize & 1);
                } else if (chunkId.equals("data")) {
                    if (format == null) {
                        throw new AudioDecodeException(RejectionReason.CORRUPT, name + ": data chunk before fmt chunk");
                    }
                    long dataBytes = chunkSize;
                    if (rf64 && chunkSize == UNKNOWN_SIZE && rf64DataSize >= 0) {
                        dataBytes = rf64DataSize;
                    }
                    if (dataBytes == 0) {
                        throw new AudioDecodeException(RejectionReason.EMPTY, name + ": data chunk holds no samples");
                    }
                    return new Opened(new WavAudioStream(reader, format, dataBytes == UNKNOWN_SIZE ? -1 : dataBytes, name),
                            null);
                } else {
                    reader.skipFully(chunkSize + (chunkSize & 1));
                }
            }
        } catch (EOFException e) {
            RejectionReason reason = format == null ? RejectionReason.CORRUPT : RejectionReason.TRUNCATED;
            throw new AudioDecodeException(reason, name + ": file ends inside the header"
                    + (format == null ? " before a fmt chunk" : " before the data chunk"), e);
        }
    }

    private static boolean matches(byte[] bytes, int offset, String fourCc) {
        for (int i = 0; i < 4; i++) {
            if (bytes[offset + i] != (byte) fourCc.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The fmt chunk, checked; {@code otherCodec} names a codec this reader does not decode (the rest unchecked). */
    private record Format(int sampleRate, int channels, int bitsPerSample, boolean isFloat, int blockAlign,
            String otherCodec) {

        static Format read(LittleEndianReader reader, int chunkSize, String name) throws IOException {
            int tag = reader.readUInt16();
            int channels = reader.readUInt16();
            long sampleRate = reader.readUInt32();
            reader.readUInt32(); // byte rate: redundant, often wrong in the wild
            int blockAlign = reader.readUInt16();
            int bits = reader.readUInt16();
            int consumed = 16;
            if (tag == FORMAT_EXTENSIBLE) {
                if (chunkSize < 40) {
                    throw new AudioDecodeException(RejectionReason.CORRUPT,
                            name + ": WAVE_FORMAT_EXTENSIBLE with a " + chunkSize + "-byte fmt chunk (needs 40)");
                }
                reader.readUInt16(); // cbSize
                reader.readUInt16(); // valid bits: samples are scaled by the container size, as libsndfile does
                reader.readUInt32(); // channel mask
                tag = reader.readUInt16(); // first two bytes of the sub-format GUID are the format tag
                reader.skipFully(14);
                consumed = 40;
            }
            reader.skipFully(chunkSize - consumed);

            if (channels == 0 || channels > MAX_CHANNELS) {
                throw new AudioDecodeException(RejectionReason.CORRUPT,
                        name + ": " + channels + " channels (expected 1 to " + MAX_CHANNELS + ")");
            }
            if (sampleRate == 0 || sampleRate > MAX_SAMPLE_RATE) {
                throw new AudioDecodeException(RejectionReason.CORRUPT,
                        name + ": sample rate " + sampleRate + " Hz (expected 1 to " + MAX_SAMPLE_RATE + ")");
            }
            boolean isFloat;
            if (tag == FORMAT_PCM && (bits == 8 || bits == 16 || bits == 24 || bits == 32)) {
                isFloat = false;
            } else if (tag == FORMAT_IEEE_FLOAT && (bits == 32 || bits == 64)) {
                isFloat = true;
            } else {
                return new Format((int) sampleRate, channels, bits, false, blockAlign,
                        "WAV format tag 0x" + Integer.toHexString(tag) + " with " + bits + " bits per sample");
            }
            if (blockAlign != channels * (bits / 8)) {
                throw new AudioDecodeException(RejectionReason.CORRUPT, name + ": block align " + blockAlign
                        + " does not match " + channels + " channels of " + bits + " bits");
            }
            return new Format((int) sampleRate, channels, bits, isFloat, blockAlign, null);
        }

        String describe() {
            return isFloat ? "wav float" + bitsPerSample : bitsPerSample == 8 ? "wav pcm_u8" : "wav pcm_s" + bitsPerSample;
        }
    }

    /** Streams the data chunk, converting a block of bytes at a time. */
    private static final class WavAudioStream implements AudioStream {
        private static final int BLOCK_BYTES = 64 * 1024;

        private final LittleEndianReader reader;
        private final Format format;
        private final String name;
        private final AudioStreamInfo info;
        private final byte[] block;
        /** Bytes of the data chunk not yet read; -1 means "until the end of the file". */
        private long remainingBytes;
        private long delivered;

        WavAudioStream(LittleEndianReader reader, Format format, long dataBytes, String name) {
            this.reader = reader;
            this.format = format;
            this.name = name;
            this.remainingBytes = dataBytes;
            long frames = dataBytes < 0 ? -1 : dataBytes / format.blockAlign();
            this.info = new AudioStreamInfo(format.sampleRate(), format.channels(), frames, format.describe());
            this.block = new byte[Math.max(format.blockAlign(), BLOCK_BYTES / format.blockAlign() * format.blockAlign())];
        }

        @Override
        public AudioStreamInfo info() {
            return info;
        }

        @Override
        public int read(float[] interleaved, int maxFrames) throws IOException {
            int frameBytes = format.blockAlign();
            long wantBytes = Math.min((long) maxFrames * frameBytes, block.length / frameBytes * (long) frameBytes);
            if (remainingBytes >= 0) {
                // A trailing partial frame in the declared size is ignored, as libsndfile does.
                wantBytes = Math.min(wantBytes, remainingBytes / frameBytes * frameBytes);
            }
            int frames = 0;
            if (wantBytes > 0) {
                int got = reader.readUpTo(block, (int) wantBytes);
                frames = got / frameBytes;
                if (got < wantBytes) {
                    remainingBytes = 0; // the file ends here (early, if the chunk declared more): keep what it has
                } else if (remainingBytes >= 0) {
                    remainingBytes -= (long) frames * frameBytes;
                }
            }
            if (frames == 0) {
                if (delivered == 0) {
                    throw new AudioDecodeException(RejectionReason.EMPTY, name + ": no whole audio frame in the data chunk");
                }
                return -1;
            }
            delivered += frames;
            convert(block, frames * format.channels(), interleaved);
            return frames;
        }

        private void convert(byte[] bytes, int samples, float[] out) {
            switch (format.bitsPerSample()) {
                case 8:
                    for (int i = 0; i < samples; i++) {
                        out[i] = ((bytes[i] & 0xFF) - 128) / 128f;
                    }
                    break;
                case 16:
                    for (int i = 0, b = 0; i < samples; i++, b += 2) {
                        out[i] = (short) ((bytes[b] & 0xFF) | (bytes[b + 1] << 8)) / 32768f;
                    }
                    break;
                case 24:
                    for (int i = 0, b = 0; i < samples; i++, b += 3) {
                        int value = (bytes[b] & 0xFF) | ((bytes[b + 1] & 0xFF) << 8) | (bytes[b + 2] << 16);
                        out[i] = value / 8388608f;
                    }
                    break;
                case 32:
                    for (int i = 0, b = 0; i < samples; i++, b += 4) {
                        int value = (bytes[b] & 0xFF) | ((bytes[b + 1] & 0xFF) << 8) | ((bytes[b + 2] & 0xFF) << 16)
                                | (bytes[b + 3] << 24);
                        out[i] = format.isFloat() ? Float.intBitsToFloat(value) : (float) (value / 2147483648.0);
                    }
                    break;
                case 64:
                    for (int i = 0, b = 0; i < samples; i++, b += 8) {
                        long value = 0;
                        for (int k = 7; k >= 0; k--) {
                            value = (value << 8) | (bytes[b + k] & 0xFF);
                        }
                        out[i] = (float) Double.longBitsToDouble(value);
                    }
                    break;
                default:
                    throw new IllegalStateException("unchecked bit depth " + format.bitsPerSample());
            }
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
