package dev.audiopipeline.features.dsp;

import java.util.Locale;

/**
 * The real forward FFT of one windowed frame, per thread. Two implementations give the same numbers to a few
 * ulps: {@link VectorRealFft} (Vector API, power-of-two lengths >= 16) and JTransforms' {@code DoubleFFT_1D}
 * (any length). The Vector API is an incubator module on Java 17: it is used only when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (the launcher and the Spark settings in conf/ do) and the CPU has
 * 256-bit vectors; otherwise, or with {@code -Daudiopipeline.fft=jtransforms}, JTransforms runs.
 */
public interface FrameFft {

    /** System property choosing the implementation: {@code auto} (default), {@code vector} or {@code jtransforms}. */
    String PROPERTY = "audiopipeline.fft";

    /** Transforms the {@code n} reals of {@code frame} (clobbering it) and writes {@code |X_k|^2}, k = 0..n/2. */
    void power(double[] frame, double[] power);

    /**
     * {@code |X_k|^2} of the frame {@code window[i] * y[start + i]}, i < n, lying wholly inside {@code y}. This
     * default windows into {@code scratch} (length n) and calls {@link #power}; {@link VectorRealFft} windows the
     * samples as its first stage reads them, saving a pass over the frame.
     */
    default void windowedPower(float[] y, int start, double[] window, double[] scratch, double[] power) {
        for (int i = 0; i < window.length; i++) {
            scratch[i] = window[i] * y[start + i];
        }
        power(scratch, power);
    }

    /**
     * Transforms {@code frame} in place into JTransforms' packed layout: {@code a[2k] = Re X_k},
     * {@code a[2k+1] = Im X_k}, {@code a[1] = Re X_(n/2)} for even n ({@code Im X_((n-1)/2)} for odd n).
     */
    void packed(double[] frame);

    /** A new FFT of length {@code n} for the calling thread, the Vector API one where usable. */
    static FrameFft create(int n) {
        boolean vectorLength = n >= 16 && Integer.bitCount(n) == 1;
        switch (choice()) {
            case "jtransforms":
                return new JTransformsFft(n);
            case "vector":
                if (!vectorApiUsable()) {
                    throw new IllegalStateException("-D" + PROPERTY + "=vector, but the Vector API is not usable: "
                            + VectorApiProbe.reason());
                }
                return vectorLength ? new VectorRealFft(n) : new JTransformsFft(n);
            default: // auto
                return vectorLength && vectorApiUsable() ? new VectorRealFft(n) : new JTransformsFft(n);
        }
    }

    /** The property's value, checked: auto, vector or jtransforms. */
    private static String choice() {
        String choice = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        if (!choice.equals("auto") && !choice.equals("vector") && !choice.equals("jtransforms")) {
            throw new IllegalArgumentException("-D" + PROPERTY + " must be auto, vector or jtransforms, got '"
                    + System.getProperty(PROPERTY) + "'");
        }
        return choice;
    }

    /** Which implementation {@link #create} picks for power-of-two lengths here, and why: for logs and doctor. */
    static String describe() {
        if (choice().equals("jtransforms")) {
            return "JTransforms (-D" + PROPERTY + "=jtransforms)";
        }
        return vectorApiUsable() ? "Vector API, 256-bit" : "JTransforms (" + VectorApiProbe.reason() + ")";
    }

    /** Whether this JVM can run {@link VectorRealFft} fast (module present, 256-bit double vectors). */
    static boolean vectorApiUsable() {
        return VectorApiProbe.reason() == null;
    }
}
