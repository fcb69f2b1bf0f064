package dev.audiopipeline.pipeline.tags;

import java.nio.charset.StandardCharsets;

/**
 * The containers whose tags jaudiotagger reads, recognised by their first bytes (never by the file name), with
 * the file name extension jaudiotagger picks its reader by and the way their tag-bearing bytes are laid out.
 */
enum TagContainer {
    /** ID3v2 at the start, frames after it, ID3v1 in the last 128 bytes. */
    MP3("mp3", Layout.COMPACT),
    /** Metadata blocks at the start (after an ID3v2 tag, if any). */
    FLAC("flac", Layout.COMPACT),
    /** Vorbis headers in the first pages. */
    OGG_VORBIS("ogg", Layout.COMPACT),
    /** Top-level boxes; {@code moov} before or after {@code mdat}. */
    MP4("m4a", Layout.SPARSE),
    /** RIFF chunks; {@code LIST/INFO} and {@code ID3 } before or after {@code data}. */
    WAV("wav", Layout.SPARSE),
    /** IFF chunks; {@code ID3 } before or after {@code SSND}. */
    AIFF("aif", Layout.SPARSE);

    /**
     * How the local copy keeps the bytes it holds: {@code COMPACT} concatenates them (formats read from both ends,
     * the copy stays small whatever the file's size); {@code SPARSE} keeps every byte at its offset with holes
     * between (chunked formats whose readers skip from chunk to chunk by the sizes they read).
     */
    enum Layout { COMPACT, SPARSE }

    final String extension;
    final Layout layout;

    TagContainer(String extension, Layout layout) {
        this.extension = extension;
        this.layout = layout;
    }

    /**
     * The container of a file starting with {@code head} (after {@code id3End} bytes of an ID3v2 tag, 0 if none).
     *
     * @throws UnreadableTagsException for anything else, with what it is when that is known (Opus, whose tags
     *     FFmpeg reads)
     */
    static TagContainer sniff(byte[] head, int length, int id3End) throws UnreadableTagsException {
        if (id3End > 0) {
            return startsWith(head, length, id3End, "fLaC") ? FLAC : MP3;
        }
        if (startsWith(head, length, 0, "fLaC")) {
            return FLAC;
        }
        if (startsWith(head, length, 0, "OggS")) {
            if (startsWith(head, length, 28, "OpusHead")) {
                throw new UnreadableTagsException("Ogg Opus: tags left to FFmpeg");
            }
            if (length > 35 && head[28] == 1 && startsWith(head, length, 29, "vorbis")) {
                return OGG_VORBIS;
            }
            throw new UnreadableTagsException("Ogg stream that is not Vorbis: tags left to FFmpeg");
        }
        if (startsWith(head, length, 4, "ftyp")) {
            return MP4;
        }
        if (startsWith(head, length, 0, "RIFF") && startsWith(head, length, 8, "WAVE")) {
            return WAV;
        }
        if (startsWith(head, length, 0, "FORM")
                && (startsWith(head, length, 8, "AIFF") || startsWith(head, length, 8, "AIFC"))) {
            return AIFF;
        }
        if (length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0) {
            return MP3;
        }
        throw new UnreadableTagsException("no tag format jaudiotagger reads recognised by content");
    }

    static boolean startsWith(byte[] bytes, int length, int at, String ascii) {
        byte[] wanted = ascii.getBytes(StandardCharsets.US_ASCII);
        if (at + wanted.length > length) {
            return false;
        }
        for (int i = 0; i < wanted.length; i++) {
            if (bytes[at + i] != wanted[i]) {
                return false;
            }
        }
        return true;
    }
}
