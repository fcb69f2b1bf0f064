package dev.audiopipeline.pipeline.corpus;

import static org.bytedeco.ffmpeg.avcodec.AVCodecContext.FF_COMPLIANCE_EXPERIMENTAL;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_CAP_SMALL_LAST_FRAME;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_CAP_VARIABLE_FRAME_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16P;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_get_default_channel_layout;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;

import dev.audiopipeline.pipeline.decode.FfmpegNatives;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVOutputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.ShortPointer;

/**
 * Writes audio as MP3 (LAME), FLAC or Ogg Vorbis through the FFmpeg the decoders use (JavaCPP's), optionally with
 * a genre tag where each format keeps it (ID3v2 for MP3, a Vorbis comment for FLAC and Ogg): the generated corpora
 * of the demo then look like a real library. Written to a hidden sibling first and moved into place, so a file is
 * whole or absent.
 */
public final class CompressedAudioWriter {

    /** The formats written, with FFmpeg's muxer and encoder for each. */
    public enum Format {
        MP3("mp3", "mp3", "libmp3lame", 192_000, false),
        FLAC("flac", "flac", "flac", 0, false),
        /** FFmpeg's own Vorbis encoder: stereo only, "experimental" (hence strict compliance is relaxed). */
        OGG("ogg", "ogg", "vorbis", 0, true);

        private final String extension;
        private final String muxer;
        private final String codec;
        private final int bitRate;
        private final boolean tagsOnStream;

        Format(String extension, String muxer, String codec, int bitRate, boolean tagsOnStream) {
            this.extension = extension;
            this.muxer = muxer;
            this.codec = codec;
            this.bitRate = bitRate;
            this.tagsOnStream = tagsOnStream;
        }

        public String extension() {
            return extension;
        }
    }

    /** The sample formats this writer fills, in order of preference. */
    private static final List<Integer> FILLABLE = List.of(AV_SAMPLE_FMT_S16, AV_SAMPLE_FMT_S16P, AV_SAMPLE_FMT_FLTP,
            AV_SAMPLE_FMT_FLT);

    private CompressedAudioWriter() {}

    /**
     * @param channels samples in [-1, 1], one array per channel, all of one length (Ogg Vorbis: exactly two)
     * @param genre the genre tag to write, or null for none
     */
    public static void write(Path file, Format format, float[][] channels, int sampleRate, String genre)
            throws IOException {
        if (channels.length == 0 || channels[0].length == 0) {
            throw new IllegalArgumentException("no samples to write to " + file);
        }
        if (format == Format.OGG && channels.length != 2) {
            throw new IllegalArgumentException("FFmpeg's Vorbis encoder writes stereo only, got " + channels.length
                    + " channels for " + file);
        }
        FfmpegNatives.ensureLoaded();
        Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
        try {
            encode(partial, format, channels, sampleRate, genre);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IllegalStateException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void encode(Path target, Format format, float[][] channels, int sampleRate, String genre)
            throws IOException {
        AVFormatContext container = new AVFormatContext(null);
        AVCodecContext context = null;
        AVFrame frame = av_frame_alloc();
        AVPacket packet = av_packet_alloc();
        AVIOContext io = new AVIOContext(null);
        String url = "file:" + target.toAbsolutePath();
        try {
            check(avformat_alloc_output_context2(container, (AVOutputFormat) null, format.muxer, url),
                    "muxer " + format.muxer);
            AVCodec encoder = avcodec_find_encoder_by_name(format.codec);
            if (encoder == null || encoder.isNull()) {
                throw new IOException("this FFmpeg build has no encoder " + format.codec);
            }
            context = openEncoder(encoder, container, format.bitRate, sampleRate, channels.length);
            AVStream stream = avformat_new_stream(container, null);
            check(avcodec_parameters_from_context(stream.codecpar(), context), "stream parameters");
            stream.time_base(context.time_base());
            if (genre != null) {
                AVDictionary tags = new AVDictionary(null);
                av_dict_set(tags, "genre", genre, 0);
                if (format.tagsOnStream) {
                    stream.metadata(tags);
                } else {
                    container.metadata(tags);
                }
            }
            check(avio_open(io, url, AVIO_FLAG_WRITE), "open " + target);
            container.pb(io);
            check(avformat_write_header(container, (AVDictionary) null), "write header");
            boolean variable = (encoder.capabilities() & AV_CODEC_CAP_VARIABLE_FRAME_SIZE) != 0;
            int frameSize = variable || context.frame_size() <= 0 ? 1024 : context.frame_size();
            boolean smallLast = (encoder.capabilities()
                    & (AV_CODEC_CAP_SMALL_LAST_FRAME | AV_CODEC_CAP_VARIABLE_FRAME_SIZE)) != 0;
            int total = channels[0].length;
            for (int start = 0; start < total; start += frameSize) {
                int count = Math.min(frameSize, total - start);
                frame.nb_samples(smallLast ? count : frameSize);
                frame.format(context.sample_fmt());
                frame.channel_layout(context.channel_layout());
                frame.channels(channels.length);
                frame.sample_rate(sampleRate);
                check(av_frame_get_buffer(frame, 0), "frame buffer");
                fill(frame, channels, start, count, frame.nb_samples());
                frame.pts(start);
                check(avcodec_send_frame(context, frame), "send frame");
                av_frame_unref(frame);
                writePackets(context, container, stream, packet);
            }
            check(avcodec_send_frame(context, null), "flush encoder");
            writePackets(context, container, stream, packet);
            check(av_write_trailer(container), "write trailer");
        } finally {
            av_frame_free(frame);
            av_packet_free(packet);
            if (context != null) {
                avcodec_free_context(context);
            }
            if (!container.isNull()) {
                container.pb(null);
                avformat_free_context(container);
            }
            if (!io.isNull()) {
                avio_closep(io);
            }
        }
    }

    private static AVCodecContext openEncoder(AVCodec encoder, AVFormatContext container, int bitRate,
                                              int sampleRate, int channels) {
        AVCodecContext context = avcodec_alloc_context3(encoder);
        context.sample_rate(sampleRate);
        context.channels(channels);
        context.channel_layout(av_get_default_channel_layout(channels));
        context.sample_fmt(sampleFormat(encoder));
        context.time_base(av_make_q(1, sampleRate));
        if (bitRate > 0) {
            context.bit_rate(bitRate);
        }
        context.strict_std_compliance(FF_COMPLIANCE_EXPERIMENTAL); // FFmpeg's native Vorbis encoder
        if ((container.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
            context.flags(context.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }
        int ret = avcodec_open2(context, encoder, (AVDictionary) null);
        if (ret < 0) {
            avcodec_free_context(context);
            check(ret, "open encoder " + encoder.name().getString());
        }
        return context;
    }

    private static int sampleFormat(AVCodec encoder) {
        IntPointer formats = encoder.sample_fmts();
        for (int wanted : FILLABLE) {
            for (int i = 0; formats.get(i) != AV_SAMPLE_FMT_NONE; i++) {
                if (formats.get(i) == wanted) {
                    return wanted;
                }
            }
        }
        throw new IllegalStateException("no supported sample format for encoder " + encoder.name().getString());
    }

    /** Copies {@code count} samples per channel from {@code start} into the frame, zero-padded to {@code size}. */
    private static void fill(AVFrame frame, float[][] channels, int start, int count, int size) {
        int format = frame.format();
        boolean planar = format == AV_SAMPLE_FMT_S16P || format == AV_SAMPLE_FMT_FLTP;
        boolean shorts = format == AV_SAMPLE_FMT_S16 || format == AV_SAMPLE_FMT_S16P;
        int planes = planar ? channels.length : 1;
        int perPlane = planar ? size : size * channels.length;
        for (int plane = 0; plane < planes; plane++) {
            float[] values = new float[perPlane];
            for (int i = 0; i < count; i++) {
                if (planar) {
                    values[i] = clip(channels[plane][start + i]);
                } else {
                    for (int c = 0; c < channels.length; c++) {
                        values[i * channels.length + c] = clip(channels[c][start + i]);
                    }
                }
            }
            if (shorts) {
                short[] pcm = new short[values.length];
                for (int i = 0; i < values.length; i++) {
                    pcm[i] = (short) Math.round(values[i] * 32767f);
                }
                new ShortPointer(frame.data(plane)).put(pcm, 0, pcm.length);
            } else {
                new FloatPointer(frame.data(plane)).put(values, 0, values.length);
            }
        }
    }

    private static float clip(float value) {
        return Math.max(-1f, Math.min(1f, value));
    }

    private static void writePackets(AVCodecContext context, AVFormatContext container, AVStream stream,
                                     AVPacket packet) {
        while (true) {
            int ret = avcodec_receive_packet(context, packet);
            if (ret == avutil.AVERROR_EAGAIN() || ret == AVERROR_EOF) {
                return;
            }
            check(ret, "encode");
            av_packet_rescale_ts(packet, context.time_base(), stream.time_base());
            packet.stream_index(stream.index());
            check(av_interleaved_write_frame(container, packet), "write packet");
        }
    }

    private static void check(int ret, String what) {
        if (ret < 0) {
            throw new IllegalStateException(what + " failed: " + FfmpegNatives.describe(ret));
        }
    }
}
