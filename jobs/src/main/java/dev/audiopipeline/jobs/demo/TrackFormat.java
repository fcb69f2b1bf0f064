package dev.audiopipeline.jobs.demo;

import dev.audiopipeline.pipeline.corpus.CompressedAudioWriter;

/**
 * How a generated track is stored: 16-bit WAV at 22050 Hz mono (GTZAN's kind of file), or MP3, FLAC or Ogg Vorbis
 * at 44.1 kHz stereo (a music library's), which extraction decodes, downmixes and resamples.
 */
public enum TrackFormat {
    WAV("wav", 22050, 1, null),
    MP3("mp3", 44100, 2, CompressedAudioWriter.Format.MP3),
    FLAC("flac", 44100, 2, CompressedAudioWriter.Format.FLAC),
    OGG("ogg", 44100, 2, CompressedAudioWriter.Format.OGG);

    private final String extension;
    private final int sampleRate;
    private final int channels;
    private final CompressedAudioWriter.Format encoding;

    TrackFormat(String extension, int sampleRate, int channels, CompressedAudioWriter.Format encoding) {
        this.extension = extension;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.encoding = encoding;
    }

    public String extension() {
        return extension;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int channels() {
        return channels;
    }

    /** FFmpeg's encoding, or null for WAV (written by the product's own writer). */
    CompressedAudioWriter.Format encoding() {
        return encoding;
    }

    /** Whether the format can carry a genre tag as written here (WAV files are written untagged). */
    public boolean taggable() {
        return encoding != null;
    }
}
