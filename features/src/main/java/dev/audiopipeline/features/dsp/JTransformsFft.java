package dev.audiopipeline.features.dsp;

import org.jtransforms.fft.DoubleFFT_1D;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * {@link FrameFft} by JTransforms' double-precision real FFT: any length, scalar. Also the one place the product
 * makes JTransforms plans ({@link #plan}), so that none can run before JTransforms is made single-threaded.
 */
public final class JTransformsFft implements FrameFft {

    static {
        // Parallelism comes from Spark tasks; JTransforms must never spawn its own threads (it would from
        // n >= 8192 with more than one thread configured). This is a JVM-wide setting of JLargeArrays.
        ConcurrencyUtils.setNumberOfThreads(1);
    }

    private final int n;
    private final DoubleFFT_1D fft;

    JTransformsFft(int n) {
        this.n = n;
        this.fft = plan(n);
    }

    /** A JTransforms real FFT plan of length {@code n} that never starts threads of its own. */
    public static DoubleFFT_1D plan(int n) {
        return new DoubleFFT_1D(n);
    }

    @Override
    public void packed(double[] frame) {
        fft.realForward(frame);
    }

    @Override
    public void power(double[] a, double[] power) {
        fft.realForward(a);
        power[0] = a[0] * a[0];
        if (n % 2 == 0) {
            int half = n / 2;
            for (int k = 1; k < half; k++) {
                double re = a[2 * k];
                double im = a[2 * k + 1];
                power[k] = re * re + im * im;
            }
            if (half > 0) {
                power[half] = a[1] * a[1];
            }
        } else {
            int last = (n - 1) / 2;
            for (int k = 1; k < last; k++) {
                double re = a[2 * k];
                double im = a[2 * k + 1];
                power[k] = re * re + im * im;
            }
            if (last > 0) {
                power[last] = a[n - 1] * a[n - 1] + a[1] * a[1];
            }
        }
    }
}
