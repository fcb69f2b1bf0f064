package dev.audiopipeline.pipeline.tags;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** WAV files built byte by byte, for chunk layouts FFmpeg's muxer does not write. */
final class RiffFiles {

    private RiffFiles() {}

    /**
     * A 16-bit mono 22050 Hz WAV: {@code fmt }, {@code data} of {@code dataBytes} (silence), then
     * {@code LIST/INFO} with {@code IGNR}, then a {@code JUNK} chunk of {@code junkBytes}: the genre is neither in
     * the first nor in the last bytes of the file.
     */
    static byte[] wavWithInfoAfterData(int dataBytes, String genre, int junkBytes) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(ascii("WAVE"));
        ByteBuffer format = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        format.putShort((short) 1).putShort((short) 1).putInt(22050).putInt(44100).putShort((short) 2)
                .putShort((short) 16);
        chunk(body, "fmt ", format.array());
        chunk(body, "data", new byte[dataBytes]);
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        info.writeBytes(ascii("INFO"));
        byte[] value = (genre + "\0").getBytes(StandardCharsets.UTF_8);
        chunk(info, "IGNR", value);
        chunk(body, "LIST", info.toByteArray());
        chunk(body, "JUNK", new byte[junkBytes]);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        chunk(file, "RIFF", body.toByteArray());
        return file.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String id, byte[] content) {
        out.writeBytes(ascii(id));
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(content.length).array());
        out.writeBytes(content);
        if (content.length % 2 == 1) {
            out.write(0);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
