package dev.audiopipeline.pipeline.tags;

import java.util.ArrayList;
import java.util.List;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.mp3.MP3File;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.TagField;
import org.jaudiotagger.tag.TagTextField;
import org.jaudiotagger.tag.aiff.AiffTag;
import org.jaudiotagger.tag.flac.FlacTag;
import org.jaudiotagger.tag.id3.AbstractID3v2Frame;
import org.jaudiotagger.tag.id3.AbstractID3v2Tag;
import org.jaudiotagger.tag.id3.ID3v1Tag;
import org.jaudiotagger.tag.id3.framebody.AbstractFrameBodyTextInfo;
import org.jaudiotagger.tag.mp4.Mp4FieldKey;
import org.jaudiotagger.tag.mp4.Mp4Tag;
import org.jaudiotagger.tag.mp4.field.Mp4TagTextNumberField;
import org.jaudiotagger.tag.reference.GenreTypes;
import org.jaudiotagger.tag.vorbiscomment.VorbisCommentTag;
import org.jaudiotagger.tag.wav.WavInfoTag;
import org.jaudiotagger.tag.wav.WavTag;

/**
 * The genres of a file jaudiotagger has read, taken from the stored values (not jaudiotagger's own genre
 * conversion, which turns "(17)Rock" into "Rock Rock"). Where a file has two tags, the richer one wins and the
 * other is read only when it has no genre: ID3v2 before ID3v1 in MP3, the {@code ID3 } chunk before
 * {@code LIST/INFO} in WAV.
 */
final class JaudiotaggerGenres {

    private JaudiotaggerGenres() {}

    static ExistingTags of(AudioFile file) {
        if (file instanceof MP3File mp3) {
            return id3v2(mp3.getID3v2Tag()).orElse(() -> id3v1(mp3.getID3v1Tag()));
        }
        return of(file.getTag());
    }

    /** The genres of a tag read without its audio file (the Ogg Vorbis comments of {@link TagReader}). */
    static ExistingTags of(Tag tag) {
        if (tag instanceof FlacTag flac) {
            return vorbis(flac.getVorbisCommentTag());
        }
        if (tag instanceof VorbisCommentTag comments) {
            return vorbis(comments);
        }
        if (tag instanceof Mp4Tag mp4) {
            return mp4(mp4);
        }
        if (tag instanceof WavTag wav) {
            return id3v2(wav.getID3Tag()).orElse(() -> riffInfo(wav.getInfoTag()));
        }
        if (tag instanceof AiffTag aiff) {
            return id3v2(aiff.getID3Tag());
        }
        return ExistingTags.none(tag == null ? "no tag" : "no genre read from a " + tag.getClass().getSimpleName());
    }

    private static ExistingTags id3v2(AbstractID3v2Tag tag) {
        if (tag == null) {
            return ExistingTags.none("no ID3v2 tag");
        }
        List<String> stored = new ArrayList<>();
        for (TagField field : tag.getFields(FieldKey.GENRE)) {
            if (field instanceof AbstractID3v2Frame frame
                    && frame.getBody() instanceof AbstractFrameBodyTextInfo text) {
                // The frame's text as stored: getValues() also cuts ID3v2.3 references apart ("(4)", "Eurodisco").
                stored.addAll(List.of(text.getText().split("\0")));
            }
        }
        return ExistingTags.of(TagSource.ID3V2, GenreValues.fromId3v2(stored), "no genre in the ID3v2 tag");
    }

    private static ExistingTags id3v1(ID3v1Tag tag) {
        if (tag == null) {
            return ExistingTags.none("no ID3v1 tag");
        }
        String name = tag.getFirstGenre();
        Integer id = name == null || name.isEmpty() ? null : GenreTypes.getInstanceOf().getIdForValue(name);
        List<GenreTag> genres = id == null ? List.of() : GenreValues.fromNumber(String.valueOf(id), id);
        return ExistingTags.of(TagSource.ID3V1, genres, "no genre in the ID3v1 tag");
    }

    private static ExistingTags vorbis(VorbisCommentTag tag) {
        if (tag == null) {
            return ExistingTags.none("no Vorbis comments");
        }
        return ExistingTags.of(TagSource.VORBIS, GenreValues.fromText(tag.getAll(FieldKey.GENRE)),
                "no GENRE Vorbis comment");
    }

    /** {@code ©gen} text first, then the numeric {@code gnre} atom (ID3v1 number + 1). */
    private static ExistingTags mp4(Mp4Tag tag) {
        List<GenreTag> genres = new ArrayList<>();
        List<String> text = new ArrayList<>();
        for (TagField field : tag.getFields(Mp4FieldKey.GENRE_CUSTOM.getFieldName())) {
            if (field instanceof TagTextField value) {
                text.add(value.getContent());
            }
        }
        genres.addAll(GenreValues.fromText(text));
        for (TagField field : tag.getFields(Mp4FieldKey.GENRE.getFieldName())) {
            if (field instanceof Mp4TagTextNumberField number && !number.getNumbers().isEmpty()) {
                int stored = number.getNumbers().get(0);
                genres.addAll(GenreValues.fromNumber(String.valueOf(stored), stored - 1));
            }
        }
        return ExistingTags.of(TagSource.MP4, genres, "no ©gen or gnre atom");
    }

    private static ExistingTags riffInfo(WavInfoTag tag) {
        if (tag == null) {
            return ExistingTags.none("no LIST/INFO chunk");
        }
        return ExistingTags.of(TagSource.RIFF_INFO, GenreValues.fromText(tag.getAll(FieldKey.GENRE)),
                "no IGNR in LIST/INFO");
    }
}
