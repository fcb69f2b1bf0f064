package dev.audiopipeline.features.resample;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Runs an {@link FftFilterPlan} on the Vector API, 8 floats per vector. Every operation is an IEEE lane-wise
 * add, subtract or multiply (or a lane permutation), in the same order as {@link ScalarFftFilter}, so both give
 * the same bits. Stateless; only loaded when the JVM has {@code jdk.incubator.vector}.
 */
final class VectorFftFilter {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final VectorShuffle<Float> SWAP4 = VectorShuffle.fromArray(S, GroupConstants.SWAP4, 0);
    private static final VectorShuffle<Float> SWAP2 = VectorShuffle.fromArray(S, GroupConstants.SWAP2, 0);
    private static final VectorShuffle<Float> SWAP1 = VectorShuffle.fromArray(S, GroupConstants.SWAP1, 0);
    private static final FloatVector SIGN4 = FloatVector.fromArray(S, GroupConstants.SIGN4, 0);
    private static final FloatVector SIGN2 = FloatVector.fromArray(S, GroupConstants.SIGN2, 0);
    private static final FloatVector SIGN1 = FloatVector.fromArray(S, GroupConstants.SIGN1, 0);
    private static final FloatVector T4R = FloatVector.fromArray(S, GroupConstants.T4R, 0);
    private static final FloatVector T4I = FloatVector.fromArray(S, GroupConstants.T4I, 0);
    private static final FloatVector T2R = FloatVector.fromArray(S, GroupConstants.T2R, 0);
    private static final FloatVector T2I = FloatVector.fromArray(S, GroupConstants.T2I, 0);

    private VectorFftFilter() {
    }

    /** Replaces {@code re + i im} (length m) by its circular convolution with the plan's filter. */
    static void filter(FftFilterPlan p, float[] re, float[] im) {
        forward(p, re, im);
        middle(p, re, im);
        inverse(p, re, im);
    }

    private static void forward(FftFilterPlan p, float[] re, float[] im) {
        int m = p.m;
        if (p.radix2Outer) {
            int h = m / 2;
            for (int j = 0; j < h; j += 8) {
                FloatVector ar = FloatVector.fromArray(S, re, j);
                FloatVector ai = FloatVector.fromArray(S, im, j);
                FloatVector br = FloatVector.fromArray(S, re, j + h);
                FloatVector bi = FloatVector.fromArray(S, im, j + h);
                ar.add(br).intoArray(re, j);
                ai.add(bi).intoArray(im, j);
                FloatVector dr = ar.sub(br);
                FloatVector di = ai.sub(bi);
                FloatVector wr = FloatVector.fromArray(S, p.outerR, j);
                FloatVector wi = FloatVector.fromArray(S, p.outerI, j);
                dr.mul(wr).sub(di.mul(wi)).intoArray(re, j + h);
                dr.mul(wi).add(di.mul(wr)).intoArray(im, j + h);
            }
        }
        for (int st = 0; st < p.spans.length; st++) {
            int s = p.spans[st];
            int off = p.offsets[st];
            for (int base = 0; base < m; base += 4 * s) {
                for (int j = 0; j < s; j += 8) {
                    int a = base + j;
                    FloatVector ar = FloatVector.fromArray(S, re, a);
                    FloatVector ai = FloatVector.fromArray(S, im, a);
                    FloatVector br = FloatVector.fromArray(S, re, a + s);
                    FloatVector bi = FloatVector.fromArray(S, im, a + s);
                    FloatVector cr = FloatVector.fromArray(S, re, a + 2 * s);
                    FloatVector ci = FloatVector.fromArray(S, im, a + 2 * s);
                    FloatVector dr = FloatVector.fromArray(S, re, a + 3 * s);
                    FloatVector di = FloatVector.fromArray(S, im, a + 3 * s);
                    FloatVector t0r = ar.add(cr);
                    FloatVector t0i = ai.add(ci);
                    FloatVector t1r = ar.sub(cr);
                    FloatVector t1i = ai.sub(ci);
                    FloatVector t2r = br.add(dr);
                    FloatVector t2i = bi.add(di);
                    FloatVector t3r = br.sub(dr);
                    FloatVector t3i = bi.sub(di);
                    t0r.add(t2r).intoArray(re, a);
                    t0i.add(t2i).intoArray(im, a);
                    int w = off + j;
                    FloatVector ur = t0r.sub(t2r);
                    FloatVector ui = t0i.sub(t2i);
                    FloatVector wr = FloatVector.fromArray(S, p.w2r, w);
                    FloatVector wi = FloatVector.fromArray(S, p.w2i, w);
                    ur.mul(wr).sub(ui.mul(wi)).intoArray(re, a + s);
                    ur.mul(wi).add(ui.mul(wr)).intoArray(im, a + s);
                    ur = t1r.add(t3i); // t1 - i t3
                    ui = t1i.sub(t3r);
                    wr = FloatVector.fromArray(S, p.w1r, w);
                    wi = FloatVector.fromArray(S, p.w1i, w);
                    ur.mul(wr).sub(ui.mul(wi)).intoArray(re, a + 2 * s);
                    ur.mul(wi).add(ui.mul(wr)).intoArray(im, a + 2 * s);
                    ur = t1r.sub(t3i); // t1 + i t3
                    ui = t1i.add(t3r);
                    wr = FloatVector.fromArray(S, p.w3r, w);
                    wi = FloatVector.fromArray(S, p.w3i, w);
                    ur.mul(wr).sub(ui.mul(wi)).intoArray(re, a + 3 * s);
                    ur.mul(wi).add(ui.mul(wr)).intoArray(im, a + 3 * s);
                }
            }
        }
    }

    /** Per group of 8: forward stages of spans 4, 2, 1; times the spectrum; inverse stages of spans 1, 2, 4. */
    private static void middle(FftFilterPlan p, float[] re, float[] im) {
        float[] spectrum = p.spectrum;
        for (int g = 0; g < p.m; g += 8) {
            FloatVector xr = FloatVector.fromArray(S, re, g);
            FloatVector xi = FloatVector.fromArray(S, im, g);
            // forward, span 4: (a + b, (a - b) W8^l)
            FloatVector sr = xr.fma(SIGN4, xr.rearrange(SWAP4));
            FloatVector si = xi.fma(SIGN4, xi.rearrange(SWAP4));
            xr = sr.mul(T4R).sub(si.mul(T4I));
            xi = sr.mul(T4I).add(si.mul(T4R));
            // span 2: (a + b, (a - b) W4^l)
            sr = xr.fma(SIGN2, xr.rearrange(SWAP2));
            si = xi.fma(SIGN2, xi.rearrange(SWAP2));
            xr = sr.mul(T2R).sub(si.mul(T2I));
            xi = sr.mul(T2I).add(si.mul(T2R));
            // span 1
            sr = xr.fma(SIGN1, xr.rearrange(SWAP1));
            si = xi.fma(SIGN1, xi.rearrange(SWAP1));
            FloatVector h = FloatVector.fromArray(S, spectrum, g);
            sr = sr.mul(h);
            si = si.mul(h);
            // inverse, span 1
            xr = sr.fma(SIGN1, sr.rearrange(SWAP1));
            xi = si.fma(SIGN1, si.rearrange(SWAP1));
            // span 2: b conj(W4^l) first, then (a + b', a - b')
            sr = xr.mul(T2R).add(xi.mul(T2I));
            si = xi.mul(T2R).sub(xr.mul(T2I));
            xr = sr.fma(SIGN2, sr.rearrange(SWAP2));
            xi = si.fma(SIGN2, si.rearrange(SWAP2));
            // span 4
            sr = xr.mul(T4R).add(xi.mul(T4I));
            si = xi.mul(T4R).sub(xr.mul(T4I));
            sr.fma(SIGN4, sr.rearrange(SWAP4)).intoArray(re, g);
            si.fma(SIGN4, si.rearrange(SWAP4)).intoArray(im, g);
        }
    }

    private static void inverse(FftFilterPlan p, float[] re, float[] im) {
        int m = p.m;
        for (int st = p.spans.length - 1; st >= 0; st--) {
            int s = p.spans[st];
            int off = p.offsets[st];
            for (int base = 0; base < m; base += 4 * s) {
                for (int j = 0; j < s; j += 8) {
                    int a = base + j;
                    int w = off + j;
                    FloatVector ar = FloatVector.fromArray(S, re, a);
                    FloatVector ai = FloatVector.fromArray(S, im, a);
                    // B = x[j+s] conj(W^2j), C = x[j+2s] conj(W^j), D = x[j+3s] conj(W^3j)
                    FloatVector xr = FloatVector.fromArray(S, re, a + s);
                    FloatVector xi = FloatVector.fromArray(S, im, a + s);
                    FloatVector wr = FloatVector.fromArray(S, p.w2r, w);
                    FloatVector wi = FloatVector.fromArray(S, p.w2i, w);
                    FloatVector br = xr.mul(wr).add(xi.mul(wi));
                    FloatVector bi = xi.mul(wr).sub(xr.mul(wi));
                    xr = FloatVector.fromArray(S, re, a + 2 * s);
                    xi = FloatVector.fromArray(S, im, a + 2 * s);
                    wr = FloatVector.fromArray(S, p.w1r, w);
                    wi = FloatVector.fromArray(S, p.w1i, w);
                    FloatVector cr = xr.mul(wr).add(xi.mul(wi));
                    FloatVector ci = xi.mul(wr).sub(xr.mul(wi));
                    xr = FloatVector.fromArray(S, re, a + 3 * s);
                    xi = FloatVector.fromArray(S, im, a + 3 * s);
                    wr = FloatVector.fromArray(S, p.w3r, w);
                    wi = FloatVector.fromArray(S, p.w3i, w);
                    FloatVector dr = xr.mul(wr).add(xi.mul(wi));
                    FloatVector di = xi.mul(wr).sub(xr.mul(wi));
                    FloatVector apbR = ar.add(br);
                    FloatVector apbI = ai.add(bi);
                    FloatVector ambR = ar.sub(br);
                    FloatVector ambI = ai.sub(bi);
                    FloatVector cpdR = cr.add(dr);
                    FloatVector cpdI = ci.add(di);
                    FloatVector cmdR = cr.sub(dr);
                    FloatVector cmdI = ci.sub(di);
                    apbR.add(cpdR).intoArray(re, a);
                    apbI.add(cpdI).intoArray(im, a);
                    ambR.sub(cmdI).intoArray(re, a + s); // (A - B) + i (C - D)
                    ambI.add(cmdR).intoArray(im, a + s);
                    apbR.sub(cpdR).intoArray(re, a + 2 * s);
                    apbI.sub(cpdI).intoArray(im, a + 2 * s);
                    ambR.add(cmdI).intoArray(re, a + 3 * s); // (A - B) - i (C - D)
                    ambI.sub(cmdR).intoArray(im, a + 3 * s);
                }
            }
        }
        if (p.radix2Outer) {
            int h = m / 2;
            for (int j = 0; j < h; j += 8) {
                FloatVector ar = FloatVector.fromArray(S, re, j);
                FloatVector ai = FloatVector.fromArray(S, im, j);
                FloatVector xr = FloatVector.fromArray(S, re, j + h);
                FloatVector xi = FloatVector.fromArray(S, im, j + h);
                FloatVector wr = FloatVector.fromArray(S, p.outerR, j);
                FloatVector wi = FloatVector.fromArray(S, p.outerI, j);
                FloatVector br = xr.mul(wr).add(xi.mul(wi));
                FloatVector bi = xi.mul(wr).sub(xr.mul(wi));
                ar.add(br).intoArray(re, j);
                ai.add(bi).intoArray(im, j);
                ar.sub(br).intoArray(re, j + h);
                ai.sub(bi).intoArray(im, j + h);
            }
        }
    }
}
