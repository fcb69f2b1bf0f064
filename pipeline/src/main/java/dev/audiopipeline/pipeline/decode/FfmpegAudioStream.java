package dev.audiopipeline.pipeline.decode;

import static org.bytedeco.ffmpeg.global.avcodec.av_get_bits_per_sample;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_DURATION_FROM_BITRATE;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_DICT_IGNORE_SUFFIX;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import dev.audiopipeline.pipeline.rejection.RejectionReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.PointerPointer;

/**
 * One open FFmpeg decode: demuxer, decoder, frame and packet, sample converter and AVIO bridge, all freed by
 * {@link #close()} however far opening got. The policy it applies is described on {@link FfmpegDecoder}.
 */
final class FfmpegAudioStream implements AudioStream {

    private static final int MAX_CHANNELS = 64;
    private static final int MAX_SAMPLE_RATE = 1_000_000;
    /** Share of audio packets that may fail to decode before the file counts as corrupt. */
    private static final double MAX_ERROR_SHARE = 0.10;
    /** Failures seen before the share is checked mid-stream (a few bad packets early on are no verdict). */
    private static final int MIN_ERRORS_FOR_EARLY_VERDICT = 16;
    /** AVFMT_FLAG_CUSTOM_IO of avformat.h, which the JavaCPP preset does not map: FFmpeg must not close our pb. */
    private static final int AVFMT_FLAG_CUSTOM_IO = 0x0080;

    private final SeekableSource source;
    private final boolean seekable;
    private final String name;
    private AvioBridge avio;
    private AVFormatContext format;
    private AVCodecContext decoder;
    private AVFrame frame;
    private AVPacket packet;
    private SampleConverter converter;
    private AudioStreamInfo info;
    private MediaMetadata metadata;
    private int audioIndex;

    private float[] pending = new float[0];
    private int pendingOffset;
    private int pendingFrames;
    private boolean inputEnded;
    private boolean finished;
    private int demuxError;
    private long audioPackets;
    private long decodeErrors;
    private long framesDelivered;

    private FfmpegAudioStream(SeekableSource source, boolean seekable, String name) {
        this.source = source;
        this.seekable = seekable;
        this.name = name;
    }

    /** Opens and probes {@code source}; on failure everything, the source included, is closed. */
    static AudioStream open(SeekableSource source, boolean seekable, String name) throws IOException {
        FfmpegNatives.ensureLoaded();
        FfmpegAudioStream stream = new FfmpegAudioStream(source, seekable, name);
        try {
            stream.openInput();
            return stream;
        } catch (IOException | RuntimeException | Error e) {
            try {
                stream.close();
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private void openInput() throws IOException {
        if (seekable && source.length() == 0) {
            throw new AudioDecodeException(RejectionReason.EMPTY, name + ": file is empty (0 bytes)");
        }
        avio = new AvioBridge(source, seekable);
        AVFormatContext context = avformat_alloc_context();
        if (context == null || context.isNull()) {
            throw new OutOfMemoryError("avformat_alloc_context failed");
        }
        context.pb(avio.context());
        context.flags(context.flags() | AVFMT_FLAG_CUSTOM_IO);
        // On failure FFmpeg frees the context (not our AVIO) and nulls the pointer.
        int ret = avformat_open_input(context, (String) null, (AVInputFormat) null, (AVDictionary) null);
        if (ret < 0) {
            if (avio.failure() == null && avio.bytesRead() == 0) {
                throw new AudioDecodeException(RejectionReason.EMPTY, name + ": file is empty (0 bytes)");
            }
            // End of file while reading the header: a demuxer recognised the data, which then stopped short.
            if (ret == AVERROR_EOF) {
                throw failure(ret, RejectionReason.TRUNCATED, "file ends inside the container header");
            }
            throw failure(ret, RejectionReason.UNSUPPORTED_FORMAT, "no demuxer recognises the data");
        }
        format = context;
        ret = avformat_find_stream_info(format, (PointerPointer<?>) null);
        if (ret < 0) {
            throw failure(ret, RejectionReason.CORRUPT, "cannot read the stream parameters of the "
                    + containerName() + " container");
        }
        audioIndex = av_find_best_stream(format, AVMEDIA_TYPE_AUDIO, -1, -1, (PointerPointer<?>) null, 0);
        if (audioIndex < 0) {
            throw new AudioDecodeException(RejectionReason.UNSUPPORTED_FORMAT,
                    name + ": no audio stream in the " + containerName() + " container");
        }
        for (int i = 0; i < format.nb_streams(); i++) {
            if (i != audioIndex) {
                format.streams(i).discard(avcodec.AVDISCARD_ALL);
            }
        }
        AVStream stream = format.streams(audioIndex);
        AVCodecParameters parameters = stream.codecpar();
        String codecName = avcodec_get_name(parameters.codec_id()).getString();
        checkParameters(parameters.channels(), parameters.sample_rate());
        openDecoder(stream, codecName);
        info = new AudioStreamInfo(parameters.sample_rate(), parameters.channels(), frames(stream, parameters),
                describe(parameters, codecName));
        converter = new SampleConverter(info.channels());
    }

    private void checkParameters(int channels, int sampleRate) throws AudioDecodeException {
        if (channels <= 0 || channels > MAX_CHANNELS) {
            throw new AudioDecodeException(RejectionReason.CORRUPT,
                    name + ": " + channels + " channels (expected 1 to " + MAX_CHANNELS + ")");
        }
        if (sampleRate <= 0 || sampleRate > MAX_SAMPLE_RATE) {
            throw new AudioDecodeException(RejectionReason.CORRUPT,
                    name + ": sample rate " + sampleRate + " Hz (expected 1 to " + MAX_SAMPLE_RATE + ")");
        }
    }

    private void openDecoder(AVStream stream, String codecName) throws IOException {
        AVCodec codec = avcodec_find_decoder(stream.codecpar().codec_id());
        if (codec == null || codec.isNull()) {
            throw new AudioDecodeException(RejectionReason.UNSUPPORTED_FORMAT,
                    name + ": no decoder for the " + codecName + " codec");
        }
        decoder = avcodec_alloc_context3(codec);
        if (decoder == null || decoder.isNull()) {
            throw new OutOfMemoryError("avcodec_alloc_context3 failed");
        }
        int ret = avcodec_parameters_to_context(decoder, stream.codecpar());
        if (ret < 0) {
            throw failure(ret, RejectionReason.CORRUPT, "bad " + codecName + " parameters");
        }
        decoder.pkt_timebase(stream.time_base());
        // Spark runs one task per core: a decoder spawning its own threads would only oversubscribe them.
        decoder.thread_count(1);
        ret = avcodec_open2(decoder, codec, (AVDictionary) null);
        if (ret < 0) {
            throw failure(ret, RejectionReason.CORRUPT, "cannot open the " + codecName + " decoder");
        }
        frame = av_frame_alloc();
        packet = av_packet_alloc();
        if (frame == null || frame.isNull() || packet == null || packet.isNull()) {
            throw new OutOfMemoryError("av_frame_alloc/av_packet_alloc failed");
        }
    }

    /** The duration in frames if the container states it or FFmpeg's estimate is exact, else -1. */
    private long frames(AVStream stream, AVCodecParameters parameters) {
        boolean guessed = format.duration_estimation_method() == AVFMT_DURATION_FROM_BITRATE
                && av_get_bits_per_sample(parameters.codec_id()) == 0;
        if (guessed) {
            return -1;
        }
        if (stream.duration() != AV_NOPTS_VALUE && stream.duration() > 0) {
            return av_rescale_q(stream.duration(), stream.time_base(), av_make_q(1, parameters.sample_rate()));
        }
        if (format.duration() != AV_NOPTS_VALUE && format.duration() > 0) {
            return av_rescale_q(format.duration(), av_make_q(1, avutil.AV_TIME_BASE),
                    av_make_q(1, parameters.sample_rate()));
        }
        return -1;
    }

    /** E.g. "mp3", "vorbis"; PCM also names its container, e.g. "pcm_s16be (au)". */
    private String describe(AVCodecParameters parameters, String codecName) {
        return av_get_bits_per_sample(parameters.codec_id()) > 0 && codecName.startsWith("pcm_")
                ? codecName + " (" + containerName() + ")"
                : codecName;
    }

    private String containerName() {
        AVInputFormat input = format == null ? null : format.iformat();
        return input == null || input.isNull() ? "unknown" : input.name().getString();
    }

    @Override
    public AudioStreamInfo info() {
        return info;
    }

    /** Read from the demuxer on first use (Vorbis comments of Ogg streams are on the stream, not the container). */
    @Override
    public MediaMetadata metadata() {
        if (metadata == null) {
            if (format == null) {
                throw new IllegalStateException(name + ": stream is closed");
            }
            metadata = new MediaMetadata(containerName(), entries(format.metadata()),
                    entries(format.streams(audioIndex).metadata()));
        }
        return metadata;
    }

    private static List<MediaMetadata.Entry> entries(AVDictionary dictionary) {
        List<MediaMetadata.Entry> entries = new ArrayList<>();
        if (dictionary == null || dictionary.isNull()) {
            return entries;
        }
        AVDictionaryEntry entry = null;
        while ((entry = av_dict_get(dictionary, "", entry, AV_DICT_IGNORE_SUFFIX)) != null && !entry.isNull()) {
            entries.add(new MediaMetadata.Entry(entry.key().getString(StandardCharsets.UTF_8),
                    entry.value().getString(StandardCharsets.UTF_8)));
        }
        return entries;
    }

    @Override
    public int read(float[] interleaved, int maxFrames) throws IOException {
        if (maxFrames <= 0) {
            return 0;
        }
        while (pendingFrames == 0) {
            if (finished || !decodeNextFrame()) {
                return -1;
            }
        }
        int channels = info.channels();
        int frames = Math.min(maxFrames, pendingFrames);
        System.arraycopy(pending, pendingOffset * channels, interleaved, 0, frames * channels);
        pendingOffset += frames;
        pendingFrames -= frames;
        framesDelivered += frames;
        return frames;
    }

    /**
     * Decodes until one frame of audio is pending (true) or the stream is over (false, after the end-of-stream
     * checks).
     */
    private boolean decodeNextFrame() throws IOException {
        while (true) {
            int ret = avcodec_receive_frame(decoder, frame);
            if (ret == 0) {
                boolean any = takeFrame();
                av_frame_unref(frame);
                if (any) {
                    return true;
                }
            } else if (ret == AVERROR_EOF) {
                finished = true;
                checkEnd();
                return false;
            } else if (ret == avutil.AVERROR_EAGAIN()) {
                feedPacket();
            } else {
                countDecodeError();
            }
        }
    }

    /** Sends the next audio packet to the decoder, or the end-of-stream signal when the demuxer is done. */
    private void feedPacket() throws IOException {
        if (inputEnded) {
            // The decoder asked for more after the flush: it cannot, but guard against a loop.
            finished = true;
            checkEnd();
            return;
        }
        while (true) {
            int ret = av_read_frame(format, packet);
            if (ret < 0) {
                if (avio.failure() != null) {
                    throw failure(ret, RejectionReason.UNREADABLE, "read failed");
                }
                if (ret != AVERROR_EOF) {
                    demuxError = ret;
                }
                inputEnded = true;
                avcodec_send_packet(decoder, null);
                return;
            }
            try {
                if (packet.stream_index() == audioIndex) {
                    audioPackets++;
                    if (avcodec_send_packet(decoder, packet) < 0) {
                        countDecodeError();
                    }
                    return;
                }
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    private boolean takeFrame() throws IOException {
        if (frame.sample_rate() != 0 && frame.sample_rate() != info.sampleRate()) {
            throw new AudioDecodeException(RejectionReason.CORRUPT, name + ": sample rate changes from "
                    + info.sampleRate() + " to " + frame.sample_rate() + " Hz mid-stream");
        }
        int frames = converter.convert(frame);
        if (frames < 0) {
            throw failure(frames, RejectionReason.CORRUPT, "cannot convert " + frame.channels() + " channels of "
                    + avutil.av_get_sample_fmt_name(frame.format()).getString() + " samples");
        }
        if (pending.length < converter.samples().length) {
            pending = new float[converter.samples().length];
        }
        System.arraycopy(converter.samples(), 0, pending, 0, frames * info.channels());
        pendingOffset = 0;
        pendingFrames = frames;
        return frames > 0;
    }

    private void countDecodeError() throws AudioDecodeException {
        decodeErrors++;
        if (decodeErrors >= MIN_ERRORS_FOR_EARLY_VERDICT && tooManyErrors()) {
            throw corruptPackets();
        }
    }

    private void checkEnd() throws IOException {
        if (decodeErrors > 0 && (framesDelivered == 0 || tooManyErrors())) {
            throw corruptPackets();
        }
        if (framesDelivered == 0 && demuxError != 0) {
            if (!seekable) {
                throw new AudioDecodeException(RejectionReason.UNSUPPORTED_FORMAT, name + ": the "
                        + containerName() + " container needs a seekable source (e.g. an MP4 whose moov atom"
                        + " follows the audio): " + FfmpegNatives.describe(demuxError));
            }
            throw new AudioDecodeException(RejectionReason.CORRUPT, name + ": no audio could be read from the "
                    + containerName() + " container: " + FfmpegNatives.describe(demuxError));
        }
        if (framesDelivered == 0) {
            throw new AudioDecodeException(RejectionReason.EMPTY, name + ": decodes to no samples");
        }
    }

    /** One failed packet is always tolerated: it is typically the last one of a truncated file. */
    private boolean tooManyErrors() {
        return decodeErrors > 1 + MAX_ERROR_SHARE * audioPackets;
    }

    private AudioDecodeException corruptPackets() {
        return new AudioDecodeException(RejectionReason.CORRUPT, name + ": " + decodeErrors + " of " + audioPackets
                + " audio packets failed to decode");
    }

    private AudioDecodeException failure(int error, RejectionReason reason, String what) {
        IOException cause = avio == null ? null : avio.failure();
        if (cause != null) {
            return new AudioDecodeException(RejectionReason.UNREADABLE, name + ": read failed: " + cause.getMessage(),
                    cause);
        }
        return new AudioDecodeException(reason, name + ": " + what + " (" + FfmpegNatives.describe(error) + ")");
    }

    @Override
    public void close() throws IOException {
        if (decoder != null) {
            avcodec_free_context(decoder);
            decoder = null;
        }
        if (frame != null) {
            av_frame_free(frame);
            frame = null;
        }
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (converter != null) {
            converter.close();
            converter = null;
        }
        if (format != null) {
            avformat_close_input(format);
            format = null;
        }
        if (avio != null) {
            avio.close();
            avio = null;
        }
        source.close();
    }
}
