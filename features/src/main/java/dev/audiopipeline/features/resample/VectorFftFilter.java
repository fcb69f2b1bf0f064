package dev.audiopipeline.features.resample;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Runs an {@link FftFilterPlan} on the Vector API, 8 floats per vector. Every operation is an IEEE lane-wise
 * add, subtract or multiply (or a lane permutation), in the same order as {@link ScalarFftFilter}, so both give
 * the same bits. Stateless; only loaded when the JVM has {@code jdk.incubator.vector}.
 *
 * <p>The in-group stages are written out again in each loop that runs them ({@link #middle}, {@link #middleFold},
 * {@link #groupInverse}, {@link #middleUnfold}) on purpose: on JDK 17 a helper taking or returning vectors is not
 * inlined into these loops (too large) and its vectors are boxed, several times slower.
 */
final class VectorFftFilter {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final VectorShuffle<Float> SWAP4 = VectorShuffle.fromArray(S, GroupConstants.SWAP4, 0);
    private static final VectorShuffle<Float> SWAP2 = VectorShuffle.fromArray(S, GroupConstants.SWAP2, 0);
    private static final VectorShuffle<Float> SWAP1 = VectorShuffle.fromArray(S, GroupConstants.SWAP1, 0);
    private static final VectorShuffle<Float> DUP_LOW = VectorShuffle.fromArray(S, GroupConstants.DUP_LOW, 0);
    private static final VectorShuffle<Float> DUP_HIGH = VectorShuffle.fromArray(S, GroupConstants.DUP_HIGH, 0);
    private static final VectorShuffle<Float> COMPACT2 = VectorShuffle.fromArray(S, GroupConstants.COMPACT2, 0);
    private static final VectorShuffle<Float> COMPACT4 = VectorShuffle.fromArray(S, GroupConstants.COMPACT4, 0);
    private static final VectorShuffle<Float> COMPACT8 = VectorShuffle.fromArray(S, GroupConstants.COMPACT8, 0);
    private static final FloatVector SIGN4 = FloatVector.fromArray(S, GroupConstants.SIGN4, 0);
    private static final FloatVector SIGN2 = FloatVector.fromArray(S, GroupConstants.SIGN2, 0);
    private static final FloatVector SIGN1 = FloatVector.fromArray(S, GroupConstants.SIGN1, 0);
    private static final FloatVector T4R = FloatVector.fromArray(S, GroupConstants.T4R, 0);
    private static final FloatVector T4I = FloatVector.fromArray(S, GroupConstants.T4I, 0);
    private static final FloatVector T2R = FloatVector.fromArray(S, GroupConstants.T2R, 0);
    private static final FloatVector T2I = FloatVector.fromArray(S, GroupConstants.T2I, 0);

    private VectorFftFilter() {
    }

    /**
     * Replaces {@code re + i im} by its circular convolution with the plan's filter: length m in and out; with the
     * plan's fold {@code d}, only outputs {@code 0, d, 2d, ...}, at {@code 0, 1, 2, ...}; when it unfolds, the
     * input is the zero-stuffed signal's {@code m / 2} even points (the arrays still hold m).
     */
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

    /**
     * As {@link #middle} without the inverse's in-group stages, then the fold: each run of {@code d} neighbouring
     * products is summed (lanes {@code l} and {@code l ^ 1}, then {@code l ^ 2}, ...) and stored compacted at
     * {@code g / d} (a whole vector whose first {@code 8 / d} lanes count; the next store overwrites the rest).
     * The stores trail the loads, so this works in place.
     */
    private static void middleFold(FftFilterPlan p, float[] re, float[] im) {
        float[] spectrum = p.spectrum;
        int d = p.fold;
        VectorShuffle<Float> compact = d == 2 ? COMPACT2 : d == 4 ? COMPACT4 : COMPACT8;
        for (int g = 0; g < p.m; g += 8) {
            FloatVector xr = FloatVector.fromArray(S, re, g);
            FloatVector xi = FloatVector.fromArray(S, im, g);
            FloatVector sr = xr.fma(SIGN4, xr.rearrange(SWAP4));
            FloatVector si = xi.fma(SIGN4, xi.rearrange(SWAP4));
            xr = sr.mul(T4R).sub(si.mul(T4I));
            xi = sr.mul(T4I).add(si.mul(T4R));
            sr = xr.fma(SIGN2, xr.rearrange(SWAP2));
            si = xi.fma(SIGN2, xi.rearrange(SWAP2));
            xr = sr.mul(T2R).sub(si.mul(T2I));
            xi = sr.mul(T2I).add(si.mul(T2R));
            sr = xr.fma(SIGN1, xr.rearrange(SWAP1));
            si = xi.fma(SIGN1, xi.rearrange(SWAP1));
            FloatVector h = FloatVector.fromArray(S, spectrum, g);
            sr = sr.mul(h);
            si = si.mul(h);
            sr = sr.add(sr.rearrange(SWAP1));
            si = si.add(si.rearrange(SWAP1));
            if (d >= 4) {
                sr = sr.add(sr.rearrange(SWAP2));
                si = si.add(si.rearrange(SWAP2));
            }
            if (d == 8) {
                sr = sr.add(sr.rearrange(SWAP4));
                si = si.add(si.rearrange(SWAP4));
            }
            sr.rearrange(compact).intoArray(re, g / d);
            si.rearrange(compact).intoArray(im, g / d);
        }
    }

    /** The inverse's in-group stages (spans 1, 2, 4) over the first {@code n} points, as in {@link #middle}. */
    private static void groupInverse(int n, float[] re, float[] im) {
        for (int g = 0; g < n; g += 8) {
            FloatVector sr = FloatVector.fromArray(S, re, g);
            FloatVector si = FloatVector.fromArray(S, im, g);
            FloatVector xr = sr.fma(SIGN1, sr.rearrange(SWAP1));
            FloatVector xi = si.fma(SIGN1, si.rearrange(SWAP1));
            sr = xr.mul(T2R).add(xi.mul(T2I));
            si = xi.mul(T2R).sub(xr.mul(T2I));
            xr = sr.fma(SIGN2, sr.rearrange(SWAP2));
            xi = si.fma(SIGN2, si.rearrange(SWAP2));
            sr = xr.mul(T4R).add(xi.mul(T4I));
            si = xi.mul(T4R).sub(xr.mul(T4I));
            sr.fma(SIGN4, sr.rearrange(SWAP4)).intoArray(re, g);
            si.fma(SIGN4, si.rearrange(SWAP4)).intoArray(im, g);
        }
    }

    /**
     * After the half-size forward stages: per half-size group (from the last, so that the doubled output never
     * overwrites what is still to be read), its in-group forward stages, then each of its 8 bins copied to two
     * neighbouring full-size positions (lanes 0-3 to the group at 2g, lanes 4-7 to the one at 2g + 8), and for
     * each of those two groups {@link #middle}'s multiplication and inverse in-group stages.
     */
    private static void middleUnfold(FftFilterPlan p, float[] re, float[] im) {
        float[] spectrum = p.spectrum;
        for (int g = p.m / 2 - 8; g >= 0; g -= 8) {
            FloatVector xr = FloatVector.fromArray(S, re, g);
            FloatVector xi = FloatVector.fromArray(S, im, g);
            FloatVector sr = xr.fma(SIGN4, xr.rearrange(SWAP4));
            FloatVector si = xi.fma(SIGN4, xi.rearrange(SWAP4));
            xr = sr.mul(T4R).sub(si.mul(T4I));
            xi = sr.mul(T4I).add(si.mul(T4R));
            sr = xr.fma(SIGN2, xr.rearrange(SWAP2));
            si = xi.fma(SIGN2, xi.rearrange(SWAP2));
            xr = sr.mul(T2R).sub(si.mul(T2I));
            xi = sr.mul(T2I).add(si.mul(T2R));
            FloatVector yr = xr.fma(SIGN1, xr.rearrange(SWAP1));
            FloatVector yi = xi.fma(SIGN1, xi.rearrange(SWAP1));
            for (int half = 0; half < 2; half++) {
                int to = 2 * g + 8 * half;
                VectorShuffle<Float> copy = half == 0 ? DUP_LOW : DUP_HIGH;
                FloatVector h = FloatVector.fromArray(S, spectrum, to);
                sr = yr.rearrange(copy).mul(h);
                si = yi.rearrange(copy).mul(h);
                xr = sr.fma(SIGN1, sr.rearrange(SWAP1));
                xi = si.fma(SIGN1, si.rearrange(SWAP1));
                sr = xr.mul(T2R).add(xi.mul(T2I));
                si = xi.mul(T2R).sub(xr.mul(T2I));
                xr = sr.fma(SIGN2, sr.rearrange(SWAP2));
                xi = si.fma(SIGN2, si.rearrange(SWAP2));
                sr = xr.mul(T4R).add(xi.mul(T4I));
                si = xi.mul(T4R).sub(xr.mul(T4I));
                sr.fma(SIGN4, sr.rearrange(SWAP4)).intoArray(re, to);
                si.fma(SIGN4, si.rearrange(SWAP4)).intoArray(im, to);
            }
        }
    }

    private static void inverse(FftFilterPlan.Stages p, float[] re, float[] im) {
        int m = p.n;
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
