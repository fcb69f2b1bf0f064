package dev.audiopipeline.pipeline.decode;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.av_get_channel_layout_nb_channels;
import static org.bytedeco.ffmpeg.global.avutil.av_get_default_channel_layout;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

import java.io.Closeable;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Converts decoded frames of any sample format (planar or packed, int or float) to interleaved float32 with
 * libswresample, at the same rate: the project resamples with its own resampler. The output keeps the channel
 * count of the stream's first frame; should a later frame carry another count, libswresample remixes it.
 */
final class SampleConverter implements Closeable {

    private final int channels;
    private SwrContext swr;
    private int inFormat = -1;
    private int inChannels = -1;
    private long inLayout;
    private long outLayout;
    private int inRate = -1;
    private FloatPointer nativeOut;
    private PointerPointer<Pointer> outPlanes;
    private int capacityFrames;
    private float[] samples = new float[0];

    SampleConverter(int channels) {
        this.channels = channels;
    }

    /**
     * Converts {@code frame}; the result is in {@link #samples()}.
     *
     * @return the number of frames converted, or a negative FFmpeg error code
     */
    int convert(AVFrame frame) {
        int frames = frame.nb_samples();
        int error = configure(frame);
        if (error < 0) {
            return error;
        }
        ensureCapacity(frames);
        int got = swr_convert(swr, outPlanes, capacityFrames, frame.extended_data(), frames);
        if (got > 0) {
            nativeOut.position(0).get(samples, 0, got * channels);
        }
        return got;
    }

    /** Interleaved samples of the last {@link #convert} call. */
    float[] samples() {
        return samples;
    }

    private int configure(AVFrame frame) {
        int frameChannels = frame.channels();
        long layout = frame.channel_layout();
        if (layout == 0 || av_get_channel_layout_nb_channels(layout) != frameChannels) {
            layout = av_get_default_channel_layout(frameChannels);
        }
        if (swr != null && frame.format() == inFormat && frameChannels == inChannels && layout == inLayout
                && frame.sample_rate() == inRate) {
            return 0;
        }
        if (swr == null) {
            // Same layout out as in: no remixing of e.g. 5.1(side) into 5.1.
            outLayout = frameChannels == channels ? layout : av_get_default_channel_layout(channels);
        }
        release();
        swr = swr_alloc_set_opts(null, outLayout, AV_SAMPLE_FMT_FLT, frame.sample_rate(), layout, frame.format(),
                frame.sample_rate(), 0, null);
        if (swr == null || swr.isNull()) {
            swr = null;
            return org.bytedeco.ffmpeg.global.avutil.AVERROR_ENOMEM();
        }
        inFormat = frame.format();
        inChannels = frameChannels;
        inLayout = layout;
        inRate = frame.sample_rate();
        return swr_init(swr);
    }

    private void ensureCapacity(int frames) {
        if (frames <= capacityFrames) {
            return;
        }
        freeBuffers();
        capacityFrames = Math.max(frames, 4096);
        nativeOut = new FloatPointer((long) capacityFrames * channels);
        outPlanes = new PointerPointer<>(1);
        outPlanes.put(0, nativeOut);
        samples = new float[capacityFrames * channels];
    }

    private void release() {
        if (swr != null) {
            swr_free(swr);
            swr = null;
        }
    }

    private void freeBuffers() {
        if (outPlanes != null) {
            outPlanes.close();
            outPlanes = null;
        }
        if (nativeOut != null) {
            nativeOut.close();
            nativeOut = null;
        }
        capacityFrames = 0;
    }

    @Override
    public void close() {
        release();
        freeBuffers();
    }
}
