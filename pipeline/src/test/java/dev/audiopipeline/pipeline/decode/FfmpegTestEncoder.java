package dev.audiopipeline.pipeline.decode;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_CAP_SMALL_LAST_FRAME;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_CAP_VARIABLE_FRAME_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.avcodec.AVCodecContext.FF_COMPLIANCE_EXPERIMENTAL;
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
import static org.bytedeco.ffmpeg.global.avutil.AV_DICT_MULTIKEY;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16P;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S32;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S32P;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_get_default_channel_layout;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;

import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
 * Writes test fixtures with FFmpeg's own encoders and muxers through the same JavaCPP API the decoder uses, so
 * that no audio binaries are committed. The muxer writes a scratch file (an MP4 muxer seeks back to finish its
 * header), which is read back and deleted.
 */
public final class FfmpegTestEncoder {

    /** Sample formats this helper can fill, in order of preference. */
    private static final List<Integer> FILLABLE = List.of(AV_SAMPLE_FMT_S16, AV_SAMPLE_FMT_S16P, AV_SAMPLE_FMT_FLTP,
            AV_SAMPLE_FMT_FLT, AV_SAMPLE_FMT_S32P, AV_SAMPLE_FMT_S32);

    private FfmpegTestEncoder() {}

    /** True if this FFmpeg build has the named encoder (e.g. "libmp3lame"). */
    static boolean hasEncoder(String codec) {
        FfmpegNatives.ensureLoaded();
        AVCodec found = avcodec_find_encoder_by_name(codec);
        return found != null && !found.isNull();
    }

    /**
     * Encodes 16-bit samples, one array per channel.
     *
     * @param muxer FFmpeg's short name of the container, e.g. "ipod" (M4A), "ogg", "au"
     * @param codec the encoder's name, e.g. "aac", "libmp3lame"
     * @param bitRate bits per second for lossy codecs, 0 for the encoder's default
     * @param movFlags e.g. "+faststart" for MP4, or null
     */
    public static byte[] encode(String muxer, String codec, int bitRate, String movFlags, int sampleRate, short[][] pcm)
            throws IOException {
        Map<String, String> options = movFlags == null ? Map.of() : Map.of("movflags", movFlags);
        return encode(muxer, codec, bitRate, options, Map.of(), Map.of(), sampleRate, pcm);
    }

    /**
     * Encodes 16-bit samples, one array per channel, with muxer options and tags.
     *
     * @param muxerOptions e.g. {@code movflags=+faststart}, {@code id3v2_version=3}, {@code write_id3v1=1}
     * @param containerTags metadata of the container (ID3 of MP3 and AIFF, Vorbis comments of FLAC, MP4 atoms,
     *     RIFF INFO of WAV): each key's values, several written as repeated entries
     * @param streamTags metadata of the audio stream (where the Ogg muxer takes its Vorbis comments from)
     */
    public static byte[] encode(String muxer, String codec, int bitRate, Map<String, String> muxerOptions,
            Map<String, List<String>> containerTags, Map<String, List<String>> streamTags, int sampleRate,
            short[][] pcm) throws IOException {
        FfmpegNatives.ensureLoaded();
        Path file = Files.createTempFile(TestScratch.root(), "fixture-", "." + muxer);
        AVFormatContext format = new AVFormatContext(null);
        AVCodecContext context = null;
        AVFrame frame = av_frame_alloc();
        AVPacket packet = av_packet_alloc();
        AVIOContext io = new AVIOContext(null);
        try {
            check(avformat_alloc_output_context2(format, (AVOutputFormat) null, muxer, file.toString()), "muxer " + muxer);
            AVCodec encoder = avcodec_find_encoder_by_name(codec);
            if (encoder == null || encoder.isNull()) {
                throw new IllegalArgumentException("this FFmpeg build has no encoder " + codec);
            }
            context = openEncoder(encoder, format, bitRate, sampleRate, pcm.length);
            AVStream stream = avformat_new_stream(format, null);
            check(avcodec_parameters_from_context(stream.codecpar(), context), "stream parameters");
            stream.time_base(context.time_base());
            check(avio_open(io, file.toString(), AVIO_FLAG_WRITE), "open " + file);
            format.pb(io);
            format.metadata(dictionary(containerTags));
            stream.metadata(dictionary(streamTags));
            AVDictionary options = new AVDictionary(null);
            muxerOptions.forEach((key, value) -> av_dict_set(options, key, value, 0));
            check(avformat_write_header(format, options), "write header");
            av_dict_free(options);

            int frameSize = (encoder.capabilities() & AV_CODEC_CAP_VARIABLE_FRAME_SIZE) != 0 || context.frame_size() <= 0
                    ? 1024 : context.frame_size();
            boolean smallLast = (encoder.capabilities() & (AV_CODEC_CAP_SMALL_LAST_FRAME | AV_CODEC_CAP_VARIABLE_FRAME_SIZE)) != 0;
            int total = pcm[0].length;
            for (int start = 0; start < total; start += frameSize) {
                int count = Math.min(frameSize, total - start);
                frame.nb_samples(smallLast ? count : frameSize);
                frame.format(context.sample_fmt());
                frame.channel_layout(context.channel_layout());
                frame.channels(pcm.length);
                frame.sample_rate(sampleRate);
                check(av_frame_get_buffer(frame, 0), "frame buffer");
                fill(frame, pcm, start, count, frame.nb_samples());
                frame.pts(start);
                check(avcodec_send_frame(context, frame), "send frame");
                av_frame_unref(frame);
                writePackets(context, format, stream, packet);
            }
            check(avcodec_send_frame(context, null), "flush encoder");
            writePackets(context, format, stream, packet);
            check(av_write_trailer(format), "write trailer");
            format.pb(null);
            avio_closep(io);
            return Files.readAllBytes(file);
        } finally {
            av_frame_free(frame);
            av_packet_free(packet);
            if (context != null) {
                avcodec_free_context(context);
            }
            if (!format.isNull()) {
                format.pb(null);
                avformat_free_context(format);
            }
            if (!io.isNull()) {
                avio_closep(io);
            }
            Files.deleteIfExists(file);
        }
    }

    private static AVDictionary dictionary(Map<String, List<String>> entries) {
        AVDictionary dictionary = new AVDictionary(null);
        entries.forEach((key, values) -> values.forEach(value -> av_dict_set(dictionary, key, value, AV_DICT_MULTIKEY)));
        return dictionary;
    }

    private static AVCodecContext openEncoder(AVCodec encoder, AVFormatContext format, int bitRate, int sampleRate,
            int channels) {
        AVCodecContext context = avcodec_alloc_context3(encoder);
        context.sample_rate(sampleRate);
        context.channels(channels);
        context.channel_layout(av_get_default_channel_layout(channels));
        context.sample_fmt(pickFormat(encoder));
        context.time_base(av_make_q(1, sampleRate));
        if (bitRate > 0) {
            context.bit_rate(bitRate);
        }
        context.strict_std_compliance(FF_COMPLIANCE_EXPERIMENTAL); // FFmpeg's native vorbis and opus encoders
        if ((format.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
            context.flags(context.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }
        int ret = avcodec_open2(context, encoder, (AVDictionary) null);
        if (ret < 0) {
            avcodec_free_context(context);
            check(ret, "open encoder " + encoder.name().getString());
        }
        return context;
    }

    private static int pickFormat(AVCodec encoder) {
        IntPointer formats = encoder.sample_fmts();
        for (int wanted : FILLABLE) {
            for (int i = 0; formats.get(i) != AV_SAMPLE_FMT_NONE; i++) {
                if (formats.get(i) == wanted) {
                    return wanted;
                }
            }
        }
        throw new IllegalArgumentException("no fillable sample format for " + encoder.name().getString());
    }

    /** Copies {@code count} frames from {@code start}, zero-padding to {@code size}. */
    private static void fill(AVFrame frame, short[][] pcm, int start, int count, int size) {
        int channels = pcm.length;
        int format = frame.format();
        boolean planar = format == AV_SAMPLE_FMT_S16P || format == AV_SAMPLE_FMT_FLTP || format == AV_SAMPLE_FMT_S32P;
        int planes = planar ? channels : 1;
        int perPlane = planar ? size : size * channels;
        for (int p = 0; p < planes; p++) {
            short[] values = new short[perPlane];
            for (int i = 0; i < count; i++) {
                if (planar) {
                    values[i] = pcm[p][start + i];
                } else {
                    for (int c = 0; c < channels; c++) {
                        values[i * channels + c] = pcm[c][start + i];
                    }
                }
            }
            write(frame, p, format, values);
        }
    }

    private static void write(AVFrame frame, int plane, int format, short[] values) {
        if (format == AV_SAMPLE_FMT_S16 || format == AV_SAMPLE_FMT_S16P) {
            new ShortPointer(frame.data(plane)).put(values, 0, values.length);
        } else if (format == AV_SAMPLE_FMT_FLT || format == AV_SAMPLE_FMT_FLTP) {
            float[] floats = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                floats[i] = values[i] / 32768f;
            }
            new FloatPointer(frame.data(plane)).put(floats, 0, floats.length);
        } else {
            int[] ints = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                ints[i] = values[i] << 16;
            }
            new IntPointer(frame.data(plane)).put(ints, 0, ints.length);
        }
    }

    private static void writePackets(AVCodecContext context, AVFormatContext format, AVStream stream, AVPacket packet) {
        while (true) {
            int ret = avcodec_receive_packet(context, packet);
            if (ret == avutil.AVERROR_EAGAIN() || ret == AVERROR_EOF) {
                return;
            }
            check(ret, "encode");
            av_packet_rescale_ts(packet, context.time_base(), stream.time_base());
            packet.stream_index(stream.index());
            check(av_interleaved_write_frame(format, packet), "write packet");
        }
    }

    private static void check(int ret, String what) {
        if (ret < 0) {
            throw new IllegalStateException(what + " failed: " + FfmpegNatives.describe(ret));
        }
    }
}
