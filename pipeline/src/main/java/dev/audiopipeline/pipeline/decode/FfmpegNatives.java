package dev.audiopipeline.pipeline.decode;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.nio.charset.StandardCharsets;

/**
 * Loads JavaCPP's FFmpeg once per JVM and keeps its log quiet (it would print to stderr for every file). Public for
 * the corpus writers, which encode through the same natives.
 */
public final class FfmpegNatives {

    static {
        av_log_set_level(AV_LOG_QUIET);
    }

    private FfmpegNatives() {}

    /** Makes sure the natives are loaded and the log level is set; cheap after the first call. */
    public static void ensureLoaded() {
        // The static initializer does the work.
    }

    /** FFmpeg's text for an error code, e.g. "Invalid data found when processing input". */
    public static String describe(int error) {
        byte[] text = new byte[256];
        if (av_strerror(error, text, text.length) < 0) {
            return "error " + error;
        }
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        return new String(text, 0, end, StandardCharsets.UTF_8);
    }
}
