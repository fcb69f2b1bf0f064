package dev.audiopipeline.features.resample;

import static dev.audiopipeline.features.resample.GroupConstants.DUP_HIGH;
import static dev.audiopipeline.features.resample.GroupConstants.DUP_LOW;
import static dev.audiopipeline.features.resample.GroupConstants.SIGN1;
import static dev.audiopipeline.features.resample.GroupConstants.SIGN2;
import static dev.audiopipeline.features.resample.GroupConstants.SIGN4;
import static dev.audiopipeline.features.resample.GroupConstants.SWAP1;
import static dev.audiopipeline.features.resample.GroupConstants.SWAP2;
import static dev.audiopipeline.features.resample.GroupConstants.SWAP4;
import static dev.audiopipeline.features.resample.GroupConstants.T2I;
import static dev.audiopipeline.features.resample.GroupConstants.T2R;
import static dev.audiopipeline.features.resample.GroupConstants.T4I;
import static dev.audiopipeline.features.resample.GroupConstants.T4R;

/**
 * {@link VectorFftFilter}'s arithmetic without the Vector API, operation for operation (so the two give the same
 * bits): for JVMs started without {@code --add-modules jdk.incubator.vector}, several times slower.
 */
final class ScalarFftFilter {

    private ScalarFftFilter() {
    }

    static void filter(FftFilterPlan p, float[] re, float[] im) {
        forward(p.forward, re, im);
        if (p.unfold) {
            middleUnfold(p, re, im);
        } else if (p.fold > 1) {
            middleFold(p, re, im);
            groupInverse(p.inverse.n, re, im);
        } else {
            middle(p, re, im);
        }
        inverse(p.inverse, re, im);
    }

    private static void forward(FftFilterPlan.Stages p, float[] re, float[] im) {
        int m = p.n;
        if (p.radix2Outer) {
            int h = m / 2;
            for (int j = 0; j < h; j++) {
                float ar = re[j];
                float ai = im[j];
                float br = re[j + h];
                float bi = im[j + h];
                re[j] = ar + br;
                im[j] = ai + bi;
                float dr = ar - br;
                float di = ai - bi;
                float wr = p.outerR[j];
                float wi = p.outerI[j];
                re[j + h] = dr * wr - di * wi;
                im[j + h] = dr * wi + di * wr;
            }
        }
        for (int st = 0; st < p.spans.length; st++) {
            int s = p.spans[st];
            int off = p.offsets[st];
            for (int base = 0; base < m; base += 4 * s) {
                for (int j = 0; j < s; j++) {
                    int a = base + j;
                    float ar = re[a];
                    float ai = im[a];
                    float br = re[a + s];
                    float bi = im[a + s];
                    float cr = re[a + 2 * s];
                    float ci = im[a + 2 * s];
                    float dr = re[a + 3 * s];
                    float di = im[a + 3 * s];
                    float t0r = ar + cr;
                    float t0i = ai + ci;
                    float t1r = ar - cr;
                    float t1i = ai - ci;
                    float t2r = br + dr;
                    float t2i = bi + di;
                    float t3r = br - dr;
                    float t3i = bi - di;
                    re[a] = t0r + t2r;
                    im[a] = t0i + t2i;
                    int w = off + j;
                    float ur = t0r - t2r;
                    float ui = t0i - t2i;
                    re[a + s] = ur * p.w2r[w] - ui * p.w2i[w];
                    im[a + s] = ur * p.w2i[w] + ui * p.w2r[w];
                    ur = t1r + t3i;
                    ui = t1i - t3r;
                    re[a + 2 * s] = ur * p.w1r[w] - ui * p.w1i[w];
                    im[a + 2 * s] = ur * p.w1i[w] + ui * p.w1r[w];
                    ur = t1r - t3i;
                    ui = t1i + t3r;
                    re[a + 3 * s] = ur * p.w3r[w] - ui * p.w3i[w];
                    im[a + 3 * s] = ur * p.w3i[w] + ui * p.w3r[w];
                }
            }
        }
    }

    private static void middle(FftFilterPlan p, float[] re, float[] im) {
        Group x = new Group();
        for (int g = 0; g < p.m; g += 8) {
            x.load(re, im, g);
            x.forward();
            x.multiply(p.spectrum, g);
            x.inverse();
            x.store(re, im, g);
        }
    }

    private static void middleFold(FftFilterPlan p, float[] re, float[] im) {
        Group x = new Group();
        int d = p.fold;
        for (int g = 0; g < p.m; g += 8) {
            x.load(re, im, g);
            x.forward();
            x.multiply(p.spectrum, g);
            for (int span = 1; span < d; span *= 2) {
                x.sum(span == 1 ? SWAP1 : span == 2 ? SWAP2 : SWAP4);
            }
            for (int l = 0; l < 8 / d; l++) {
                re[g / d + l] = x.re[l * d];
                im[g / d + l] = x.im[l * d];
            }
        }
    }

    private static void groupInverse(int n, float[] re, float[] im) {
        Group x = new Group();
        for (int g = 0; g < n; g += 8) {
            x.load(re, im, g);
            x.inverse();
            x.store(re, im, g);
        }
    }

    private static void middleUnfold(FftFilterPlan p, float[] re, float[] im) {
        Group x = new Group();
        Group bins = new Group();
        for (int g = p.m / 2 - 8; g >= 0; g -= 8) {
            bins.load(re, im, g);
            bins.forward();
            for (int half = 0; half < 2; half++) {
                int to = 2 * g + 8 * half;
                int[] copy = half == 0 ? DUP_LOW : DUP_HIGH;
                for (int l = 0; l < 8; l++) {
                    x.re[l] = bins.re[copy[l]];
                    x.im[l] = bins.im[copy[l]];
                }
                x.multiply(p.spectrum, to);
                x.inverse();
                x.store(re, im, to);
            }
        }
    }

    /** One group of 8 points and a scratch group, with the in-group stages the vector kernel runs. */
    private static final class Group {
        final float[] re = new float[8];
        final float[] im = new float[8];
        private final float[] sr = new float[8];
        private final float[] si = new float[8];

        void load(float[] fromRe, float[] fromIm, int at) {
            System.arraycopy(fromRe, at, re, 0, 8);
            System.arraycopy(fromIm, at, im, 0, 8);
        }

        void store(float[] toRe, float[] toIm, int at) {
            System.arraycopy(re, 0, toRe, at, 8);
            System.arraycopy(im, 0, toIm, at, 8);
        }

        /** Forward stages of spans 4, 2, 1. */
        void forward() {
            butterflies(re, im, sr, si, SWAP4, SIGN4);
            twiddle(sr, si, T4R, T4I, re, im);
            butterflies(re, im, sr, si, SWAP2, SIGN2);
            twiddle(sr, si, T2R, T2I, re, im);
            butterflies(re, im, sr, si, SWAP1, SIGN1);
            System.arraycopy(sr, 0, re, 0, 8);
            System.arraycopy(si, 0, im, 0, 8);
        }

        void multiply(float[] spectrum, int at) {
            for (int l = 0; l < 8; l++) {
                float h = spectrum[at + l];
                re[l] = re[l] * h;
                im[l] = im[l] * h;
            }
        }

        /** Inverse stages of spans 1, 2, 4. */
        void inverse() {
            butterflies(re, im, sr, si, SWAP1, SIGN1);
            conjugateTwiddle(sr, si, T2R, T2I, re, im);
            butterflies(re, im, sr, si, SWAP2, SIGN2);
            conjugateTwiddle(sr, si, T4R, T4I, re, im);
            butterflies(re, im, sr, si, SWAP4, SIGN4);
            System.arraycopy(sr, 0, re, 0, 8);
            System.arraycopy(si, 0, im, 0, 8);
        }

        /** {@code x[l] += x[swap[l]]}: neighbouring products summed, as the vector fold adds lanes. */
        void sum(int[] swap) {
            for (int l = 0; l < 8; l++) {
                sr[l] = re[l] + re[swap[l]];
                si[l] = im[l] + im[swap[l]];
            }
            System.arraycopy(sr, 0, re, 0, 8);
            System.arraycopy(si, 0, im, 0, 8);
        }
    }

    /** {@code out[l] = x[l] * sign[l] + x[swap[l]]}, the in-vector butterfly. */
    private static void butterflies(float[] xr, float[] xi, float[] outR, float[] outI, int[] swap, float[] sign) {
        for (int l = 0; l < 8; l++) {
            outR[l] = xr[l] * sign[l] + xr[swap[l]];
            outI[l] = xi[l] * sign[l] + xi[swap[l]];
        }
    }

    private static void twiddle(float[] xr, float[] xi, float[] wr, float[] wi, float[] outR, float[] outI) {
        for (int l = 0; l < 8; l++) {
            outR[l] = xr[l] * wr[l] - xi[l] * wi[l];
            outI[l] = xr[l] * wi[l] + xi[l] * wr[l];
        }
    }

    private static void conjugateTwiddle(float[] xr, float[] xi, float[] wr, float[] wi, float[] outR,
                                         float[] outI) {
        for (int l = 0; l < 8; l++) {
            outR[l] = xr[l] * wr[l] + xi[l] * wi[l];
            outI[l] = xi[l] * wr[l] - xr[l] * wi[l];
        }
    }

    private static void inverse(FftFilterPlan.Stages p, float[] re, float[] im) {
        int m = p.n;
        for (int st = p.spans.length - 1; st >= 0; st--) {
            int s = p.spans[st];
            int off = p.offsets[st];
            for (int base = 0; base < m; base += 4 * s) {
                for (int j = 0; j < s; j++) {
                    int a = base + j;
                    int w = off + j;
                    float ar = re[a];
                    float ai = im[a];
                    float xr = re[a + s];
                    float xi = im[a + s];
                    float br = xr * p.w2r[w] + xi * p.w2i[w];
                    float bi = xi * p.w2r[w] - xr * p.w2i[w];
                    xr = re[a + 2 * s];
                    xi = im[a + 2 * s];
                    float cr = xr * p.w1r[w] + xi * p.w1i[w];
                    float ci = xi * p.w1r[w] - xr * p.w1i[w];
                    xr = re[a + 3 * s];
                    xi = im[a + 3 * s];
                    float dr = xr * p.w3r[w] + xi * p.w3i[w];
                    float di = xi * p.w3r[w] - xr * p.w3i[w];
                    float apbR = ar + br;
                    float apbI = ai + bi;
                    float ambR = ar - br;
                    float ambI = ai - bi;
                    float cpdR = cr + dr;
                    float cpdI = ci + di;
                    float cmdR = cr - dr;
                    float cmdI = ci - di;
                    re[a] = apbR + cpdR;
                    im[a] = apbI + cpdI;
                    re[a + s] = ambR - cmdI;
                    im[a + s] = ambI + cmdR;
                    re[a + 2 * s] = apbR - cpdR;
                    im[a + 2 * s] = apbI - cpdI;
                    re[a + 3 * s] = ambR + cmdI;
                    im[a + 3 * s] = ambI - cmdR;
                }
            }
        }
        if (p.radix2Outer) {
            int h = m / 2;
            for (int j = 0; j < h; j++) {
                float ar = re[j];
                float ai = im[j];
                float xr = re[j + h];
                float xi = im[j + h];
                float wr = p.outerR[j];
                float wi = p.outerI[j];
                float br = xr * wr + xi * wi;
                float bi = xi * wr - xr * wi;
                re[j] = ar + br;
                im[j] = ai + bi;
                re[j + h] = ar - br;
                im[j + h] = ai - bi;
            }
        }
    }
}
