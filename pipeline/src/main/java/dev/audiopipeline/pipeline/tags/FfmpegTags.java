package dev.audiopipeline.pipeline.tags;

import dev.audiopipeline.pipeline.decode.MediaMetadata;

/**
 * The genre in the metadata FFmpeg read while opening a stream for decoding ({@link MediaMetadata}): the
 * fallback for what jaudiotagger does not read (Opus, Ogg FLAC, WMA, Matroska, ...). FFmpeg keeps Vorbis
 * comments of Ogg streams on the stream and most other tags on the container; both are read, the container's
 * first. FFmpeg has already turned ID3 numbers into names and joined repeated values with {@code ;}.
 */
public final class FfmpegTags {

    private FfmpegTags() {}

    /** The genres in {@code metadata}, or none with the reason. */
    public static ExistingTags of(MediaMetadata metadata) {
        if (metadata.container().isEmpty()) {
            return ExistingTags.none("ffmpeg: not an FFmpeg-decoded stream");
        }
        return ExistingTags.of(source(metadata.container()), GenreValues.fromText(metadata.values("genre")),
                "ffmpeg: no genre in the " + metadata.container() + " metadata");
    }

    /** The tag format a demuxer's metadata comes from, where the container has only one. */
    static TagSource source(String container) {
        return switch (container) {
            case "ogg", "flac" -> TagSource.VORBIS;
            case "mov,mp4,m4a,3gp,3g2,mj2" -> TagSource.MP4;
            case "asf" -> TagSource.ASF;
            default -> TagSource.FFMPEG;
        };
    }
}
