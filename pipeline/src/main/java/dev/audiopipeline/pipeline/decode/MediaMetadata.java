package dev.audiopipeline.pipeline.decode;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The metadata a demuxer found in a file, as FFmpeg reports it: the container's dictionary
 * ({@code AVFormatContext.metadata}: ID3v2 of MP3 and AIFF, MP4 atoms, RIFF INFO) and the decoded audio stream's
 * ({@code AVStream.metadata}: where FFmpeg puts the Vorbis comments of Ogg Vorbis and Opus). Keys are as FFmpeg
 * names them (generic keys such as {@code genre}, lower or upper case depending on the demuxer); a key may repeat.
 *
 * @param container FFmpeg's short name of the demuxer, e.g. {@code "ogg"}, {@code "mov,mp4,m4a,3gp,3g2,mj2"};
 *     empty when the stream was not decoded by FFmpeg
 */
public record MediaMetadata(String container, List<Entry> containerEntries, List<Entry> streamEntries)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What a decoder without metadata (the product's own WAV reader) reports. */
    public static final MediaMetadata NONE = new MediaMetadata("", List.of(), List.of());

    public MediaMetadata {
        containerEntries = List.copyOf(containerEntries);
        streamEntries = List.copyOf(streamEntries);
    }

    /** One key and value of a dictionary. */
    public record Entry(String key, String value) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Every value of {@code key} (ignoring case), the container's first, then the stream's, in stored order. */
    public List<String> values(String key) {
        String wanted = key.toLowerCase(Locale.ROOT);
        List<String> values = new ArrayList<>();
        for (List<Entry> entries : List.of(containerEntries, streamEntries)) {
            for (Entry entry : entries) {
                if (entry.key().toLowerCase(Locale.ROOT).equals(wanted)) {
                    values.add(entry.value());
                }
            }
        }
        return values;
    }
}
