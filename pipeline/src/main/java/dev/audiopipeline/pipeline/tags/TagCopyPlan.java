package dev.audiopipeline.pipeline.tags;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which bytes of a file hold its tags and what jaudiotagger reads around them, found by reading only container
 * headers: the first {@value #HEAD_BYTES} bytes always; for MP3 the ID3v2 tag and the frames after it, and the
 * last {@value #TAIL_BYTES} bytes (ID3v1 is the last 128, the enhanced "TAG+" 227 before it); for FLAC every
 * metadata block; for Ogg Vorbis the header pages; for MP4, WAV and AIFF the top-level boxes or chunks
 * jaudiotagger reads ({@link #MP4_READ}, {@link #WAV_READ}, {@link #AIFF_READ}) whole, wherever in the file they
 * are, and only the header of every other (the audio, padding, markers), which jaudiotagger skips by its size.
 *
 * <p>Bounded: a plan of more than {@code maxBytes}, or a walk over more than {@value #MAX_CHUNKS} boxes, chunks
 * or pages, is refused ({@link UnreadableTagsException}) before anything is copied, so jaudiotagger never meets
 * a tag bigger than that (its buffers are sized by the sizes the tags claim).
 *
 * @param container the container, which names the copy's extension and layout
 * @param length the source's length
 * @param ranges the bytes to copy, sorted and disjoint
 * @param head the file's first bytes, read while planning (the copy takes them from here, not from the source)
 */
record TagCopyPlan(TagContainer container, long length, List<ByteRange> ranges, byte[] head) {

    static final int HEAD_BYTES = 64 * 1024;
    static final int TAIL_BYTES = 1024;
    static final int MAX_CHUNKS = 10_000;
    private static final int ID3V2_HEADER = 10;
    /** Top-level boxes jaudiotagger reads: the brand, and the movie box holding the track and {@code udta/meta/ilst}. */
    static final Set<String> MP4_READ = Set.of("ftyp", "moov");
    /** Chunks jaudiotagger reads: the format, {@code LIST} ({@code INFO}) and ID3. */
    static final Set<String> WAV_READ = Set.of("fmt ", "fact", "LIST", "id3 ", "ID3 ");
    /** Chunks jaudiotagger reads: the common chunk, ID3, and the text chunks. */
    static final Set<String> AIFF_READ = Set.of("COMM", "FVER", "ID3 ", "id3 ", "NAME", "AUTH", "ANNO", "(c) ");

    /** How many bytes the copy will hold. */
    long bytes() {
        return ranges.stream().mapToLong(ByteRange::length).sum();
    }

    static TagCopyPlan plan(SourceBytes in, long maxBytes) throws IOException, UnreadableTagsException {
        long length = in.length();
        if (length <= 0) {
            throw new UnreadableTagsException(length == 0 ? "file is empty" : "file length unknown");
        }
        byte[] head = in.head((int) Math.min(length, HEAD_BYTES));
        long id3End = id3v2End(head, length, maxBytes);
        TagContainer container = TagContainer.sniff(head, head.length, (int) Math.min(id3End, head.length));
        List<ByteRange> ranges = new ArrayList<>();
        ranges.add(new ByteRange(0, head.length));
        switch (container) {
            case MP3 -> {
                ranges.add(new ByteRange(0, id3End + HEAD_BYTES));
                ranges.add(tail(length));
            }
            case FLAC -> ranges.add(new ByteRange(0, flacMetadataEnd(in, id3End, maxBytes) + HEAD_BYTES));
            case OGG_VORBIS -> ranges.add(new ByteRange(0, oggHeaderPagesEnd(in, maxBytes)));
            case MP4 -> mp4Boxes(in, ranges, maxBytes);
            case WAV -> chunks(in, ranges, maxBytes, false, WAV_READ);
            case AIFF -> chunks(in, ranges, maxBytes, true, AIFF_READ);
        }
        List<ByteRange> inFile = new ArrayList<>();
        for (ByteRange range : ranges) {
            inFile.add(new ByteRange(Math.min(range.start(), length), Math.min(range.end(), length)));
        }
        TagCopyPlan plan = new TagCopyPlan(container, length, ByteRange.merge(inFile), head);
        if (plan.bytes() > maxBytes) {
            throw tooLarge(plan.bytes(), maxBytes);
        }
        return plan;
    }

    private static ByteRange tail(long length) {
        return new ByteRange(Math.max(0, length - TAIL_BYTES), length);
    }

    /** End of an ID3v2 tag at the start (header, body, footer), or 0 if there is none. */
    private static long id3v2End(byte[] head, long length, long maxBytes) throws UnreadableTagsException {
        if (!TagContainer.startsWith(head, head.length, 0, "ID3") || head.length < ID3V2_HEADER) {
            return 0;
        }
        long size = 0;
        for (int i = 6; i < 10; i++) {
            size = (size << 7) | (head[i] & 0x7F);
        }
        boolean footer = (head[5] & 0x10) != 0;
        long end = ID3V2_HEADER + size + (footer ? ID3V2_HEADER : 0);
        if (end > maxBytes) {
            throw tooLarge(end, maxBytes);
        }
        return Math.min(end, length);
    }

    private static long flacMetadataEnd(SourceBytes in, long start, long maxBytes)
            throws IOException, UnreadableTagsException {
        long position = start + 4; // "fLaC"
        for (int blocks = 0; blocks < MAX_CHUNKS; blocks++) {
            byte[] header = in.read(position, 4);
            if (header.length < 4) {
                return position;
            }
            long size = ((header[1] & 0xFFL) << 16) | ((header[2] & 0xFFL) << 8) | (header[3] & 0xFFL);
            position += 4 + size;
            if (position > maxBytes) {
                throw tooLarge(position, maxBytes);
            }
            if ((header[0] & 0x80) != 0) {
                return position;
            }
        }
        throw tooManyChunks("FLAC metadata blocks");
    }

    /** End of the first page whose granule position says it holds audio (header pages have 0, or -1 mid-packet). */
    private static long oggHeaderPagesEnd(SourceBytes in, long maxBytes) throws IOException, UnreadableTagsException {
        long position = 0;
        for (int pages = 0; pages < MAX_CHUNKS; pages++) {
            byte[] header = in.read(position, 27);
            if (header.length < 27 || !TagContainer.startsWith(header, header.length, 0, "OggS")) {
                return position;
            }
            int segments = header[26] & 0xFF;
            byte[] table = in.read(position + 27, segments);
            long size = 27L + segments;
            for (byte lacing : table) {
                size += lacing & 0xFF;
            }
            long granule = littleEndian(header, 6, 8);
            position += size;
            if (position > maxBytes) {
                throw tooLarge(position, maxBytes);
            }
            if (granule != 0 && granule != -1) {
                return Math.min(position, in.length());
            }
        }
        throw tooManyChunks("Ogg header pages");
    }

    private static void mp4Boxes(SourceBytes in, List<ByteRange> ranges, long maxBytes)
            throws IOException, UnreadableTagsException {
        long length = in.length();
        long position = 0;
        for (int boxes = 0; position + 8 <= length; boxes++) {
            if (boxes == MAX_CHUNKS) {
                throw tooManyChunks("MP4 boxes");
            }
            byte[] header = in.read(position, 16);
            long size = bigEndian(header, 0, 4);
            String type = new String(header, 4, 4, StandardCharsets.ISO_8859_1);
            int headerSize = 8;
            if (size == 1 && header.length == 16) {
                size = bigEndian(header, 8, 8);
                headerSize = 16;
            } else if (size == 0) {
                size = length - position;
            }
            boolean read = MP4_READ.contains(type);
            if (read && (size < 0 || size > maxBytes)) {
                // jaudiotagger sizes its buffer by what the box claims, whatever the file holds.
                throw tooLarge(size < 0 ? Long.MAX_VALUE : size, maxBytes);
            }
            if (size < 0 || size > length - position) {
                size = length - position; // claims more than the file holds (or 2^63 and beyond): ends at its end
            }
            if (size < headerSize) {
                return; // not a box: the walk (and what jaudiotagger can read) ends here
            }
            ranges.add(new ByteRange(position, position + (read ? size : headerSize)));
            position += size;
        }
    }

    /** RIFF (little-endian sizes) or IFF (big-endian) chunks after the 12-byte form header. */
    private static void chunks(SourceBytes in, List<ByteRange> ranges, long maxBytes, boolean bigEndian,
            Set<String> read)
            throws IOException, UnreadableTagsException {
        long length = in.length();
        long position = 12;
        for (int chunks = 0; position + 8 <= length; chunks++) {
            if (chunks == MAX_CHUNKS) {
                throw tooManyChunks("chunks");
            }
            byte[] header = in.read(position, 16);
            String id = new String(header, 0, 4, StandardCharsets.ISO_8859_1);
            long size = bigEndian ? bigEndian(header, 4, 4) : littleEndian(header, 4, 4);
            long end = position + 8 + size + (size & 1);
            if (read.contains(id)) {
                if (size > maxBytes) {
                    throw tooLarge(size, maxBytes);
                }
                ranges.add(new ByteRange(position, end));
            } else {
                ranges.add(new ByteRange(position, position + 16)); // AIFF's SSND header is 8 bytes longer
            }
            position = end;
        }
    }

    private static long bigEndian(byte[] bytes, int offset, int count) {
        long value = 0;
        for (int i = 0; i < count && offset + i < bytes.length; i++) {
            value = (value << 8) | (bytes[offset + i] & 0xFF);
        }
        return value;
    }

    private static long littleEndian(byte[] bytes, int offset, int count) {
        long value = 0;
        for (int i = count - 1; i >= 0; i--) {
            value = (value << 8) | (offset + i < bytes.length ? bytes[offset + i] & 0xFF : 0);
        }
        return value;
    }

    private static UnreadableTagsException tooLarge(long bytes, long maxBytes) {
        return new UnreadableTagsException("tags would need " + bytes + " bytes read, more than the limit of "
                + maxBytes);
    }

    private static UnreadableTagsException tooManyChunks(String what) {
        return new UnreadableTagsException("more than " + MAX_CHUNKS + " " + what);
    }
}
