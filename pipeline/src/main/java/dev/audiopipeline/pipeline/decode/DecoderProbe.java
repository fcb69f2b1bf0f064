package dev.audiopipeline.pipeline.decode;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_version;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks that FFmpeg's natives load in this JVM and carry the decoders a music library needs: what fails first on
 * a cluster whose executors cannot unpack or load the JavaCPP libraries.
 */
public final class DecoderProbe {

    /** The decoders the product promises (README, "Decoding"). */
    static final List<String> REQUIRED = List.of("mp3float", "flac", "vorbis", "libopus", "aac", "pcm_s16be");

    private DecoderProbe() {}

    /** The outcome: FFmpeg's version and decoders, or what is missing. */
    public record Result(boolean ok, String detail) {}

    public static Result run() {
        try {
            FfmpegNatives.ensureLoaded();
            List<String> missing = new ArrayList<>();
            for (String decoder : REQUIRED) {
                if (avcodec_find_decoder_by_name(decoder) == null) {
                    missing.add(decoder);
                }
            }
            int version = avcodec_version();
            String libavcodec = (version >> 16) + "." + ((version >> 8) & 0xFF) + "." + (version & 0xFF);
            if (!missing.isEmpty()) {
                return new Result(false, "libavcodec " + libavcodec + " lacks decoders " + missing);
            }
            return new Result(true, "FFmpeg libavcodec " + libavcodec + " with " + String.join(", ", REQUIRED));
        } catch (Throwable e) { // UnsatisfiedLinkError and friends are exactly what this probe is for
            return new Result(false, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
