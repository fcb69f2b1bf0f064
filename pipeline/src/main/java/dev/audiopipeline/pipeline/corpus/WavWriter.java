package dev.audiopipeline.pipeline.corpus;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes WAV files in every encoding {@link dev.audiopipeline.pipeline.decode.WavDecoder} reads: the corpus
 * generator and the tests use it to make their audio. Samples are clipped to [-1, 1] for integer encodings and
 * rounded to the nearest integer step, as libsndfile does.
 */
public final class WavWriter {

    /** Sample encodings. */
    public enum Encoding {
        PCM_U8(8, false), PCM_16(16, false), PCM_24(24, false), PCM_32(32, false), FLOAT_32(32, true),
        FLOAT_64(64, true);

        final int bits;
        final boolean isFloat;

        Encoding(int bits, boolean isFloat) {
            this.bits = bits;
            this.isFloat = isFloat;
        }
    }

    private final Encoding encoding;
    private final boolean extensible;

    private WavWriter(Encoding encoding, boolean extensible) {
        this.encoding = encoding;
        this.extensible = extensible;
    }

    public static WavWriter of(Encoding encoding) {
        return new WavWriter(encoding, false);
    }

    /** The same encoding in a WAVE_FORMAT_EXTENSIBLE header. */
    public WavWriter extensible() {
        return new WavWriter(encoding, true);
    }

    /** Writes one channel. */
    public void write(Path file, float[] mono, int sampleRate) throws IOException {
        write(file, new float[][] {mono}, sampleRate);
    }

    /** Writes {@code channels[c][i]}; every channel must have the same length. */
    public void write(Path file, float[][] channels, int sampleRate) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(out, channels, sampleRate);
        }
    }

    public void write(OutputStream out, float[][] channels, int sampleRate) throws IOException {
        int channelCount = channels.length;
        int frames = channels[0].length;
        for (float[] channel : channels) {
            if (channel.length != frames) {
                throw new IllegalArgumentException("channels differ in length");
            }
        }
        int bytesPerSample = encoding.bits / 8;
        long dataBytes = (long) frames * channelCount * bytesPerSample;
        int fmtBytes = extensible ? 40 : 16;
        long riffBytes = 4 + (8 + fmtBytes) + (8 + dataBytes + (dataBytes & 1));
        if (riffBytes > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("more than 4 GiB of audio does not fit a RIFF WAV file");
        }
        ByteBuffer header = ByteBuffer.allocate(12 + 8 + fmtBytes + 8).order(ByteOrder.LITTLE_ENDIAN);
        header.put(ascii("RIFF")).putInt((int) riffBytes).put(ascii("WAVE"));
        header.put(ascii("fmt ")).putInt(fmtBytes);
        int tag = encoding.isFloat ? 3 : 1;
        header.putShort((short) (extensible ? 0xFFFE : tag)).putShort((short) channelCount).putInt(sampleRate)
                .putInt(sampleRate * channelCount * bytesPerSample).putShort((short) (channelCount * bytesPerSample))
                .putShort((short) encoding.bits);
        if (extensible) {
            header.putShort((short) 22).putShort((short) encoding.bits).putInt(channelCount == 1 ? 4 : 3)
                    .putShort((short) tag)
                    .put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        }
        header.put(ascii("data")).putInt((int) dataBytes);
        out.write(header.array());

        ByteBuffer frame = ByteBuffer.allocate(channelCount * bytesPerSample).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            frame.clear();
            for (float[] channel : channels) {
                putSample(frame, channel[i]);
            }
            out.write(frame.array());
        }
        if ((dataBytes & 1) == 1) {
            out.write(0);
        }
    }

    private void putSample(ByteBuffer out, float sample) {
        switch (encoding) {
            case PCM_U8 -> out.put((byte) (quantize(sample, 128) + 128));
            case PCM_16 -> out.putShort((short) quantize(sample, 32768));
            case PCM_24 -> {
                int value = (int) quantize(sample, 8388608);
                out.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
            }
            case PCM_32 -> out.putInt((int) quantize(sample, 2147483648.0));
            case FLOAT_32 -> out.putFloat(sample);
            case FLOAT_64 -> out.putDouble(sample);
            default -> throw new IllegalStateException(encoding.name());
        }
    }

    /** Nearest integer step of {@code sample * scale}, clipped to the encoding's range. */
    private static long quantize(float sample, double scale) {
        double scaled = Math.rint(sample * scale);
        return (long) Math.max(-scale, Math.min(scale - 1, scaled));
    }

    private static byte[] ascii(String fourCc) {
        return fourCc.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
