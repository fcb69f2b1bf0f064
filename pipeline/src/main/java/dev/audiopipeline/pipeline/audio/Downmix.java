package dev.audiopipeline.pipeline.audio;

/** Interleaved multi-channel audio to mono: the mean of the channels of each frame, as librosa's {@code to_mono}. */
public final class Downmix {

    private Downmix() {}

    /** Writes {@code frames} mono samples of {@code interleaved} ({@code channels} per frame) into {@code mono}. */
    public static void toMono(float[] interleaved, int frames, int channels, float[] mono) {
        if (channels == 1) {
            System.arraycopy(interleaved, 0, mono, 0, frames);
            return;
        }
        for (int i = 0, at = 0; i < frames; i++) {
            float sum = 0f;
            for (int c = 0; c < channels; c++) {
                sum += interleaved[at++];
            }
            mono[i] = sum / channels;
        }
    }
}
