package dev.audiopipeline.pipeline.tags;

import java.util.Locale;

/**
 * Where a file's genre came from: the tag format, not the container (a WAV or AIFF file's {@code ID3 } chunk is
 * {@link #ID3V2}, an Opus file's comments are {@link #VORBIS}). The lower-case {@link #code()} is the
 * {@code tag_source} column of the score output.
 */
public enum TagSource {
    /** An ID3v2.2/2.3/2.4 {@code TCON} frame: MP3, and the {@code ID3 } chunk of WAV and AIFF. */
    ID3V2,
    /** The genre byte of a 128-byte ID3v1 tag at the end of an MP3 (read only when ID3v2 has no genre). */
    ID3V1,
    /** {@code GENRE=} Vorbis comments: FLAC, Ogg Vorbis, Opus. */
    VORBIS,
    /** The {@code ©gen} (text) or {@code gnre} (ID3v1 number + 1) atom of MP4/M4A. */
    MP4,
    /** The {@code IGNR} entry of a WAV file's {@code LIST/INFO} chunk. */
    RIFF_INFO,
    /** {@code WM/Genre} of WMA/ASF, as FFmpeg reads it. */
    ASF,
    /** A {@code genre} FFmpeg read from a container whose tag format it does not tell apart (e.g. Matroska, APE). */
    FFMPEG,
    /** The file carries no genre, or its tags could not be read. */
    NONE;

    /** E.g. {@code id3v2}, {@code riff_info}, {@code none}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
