package dev.audiopipeline.features.dsp;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Real forward FFT of a power-of-two length {@code n} with the Vector API (4 doubles per vector), the kernel of
 * {@link Stft} when {@link FrameFft#vectorApiUsable()}: about twice as fast as JTransforms' scalar
 * {@code DoubleFFT_1D} on AVX2 (see features/BENCHMARK.md).
 *
 * <p>Algorithm: the {@code n} reals are read as {@code m = n/2} complex values {@code z_j = x_2j + i x_2j+1};
 * a Stockham (self-sorting, no bit reversal) radix-4 FFT of {@code z} (one radix-2 stage more when
 * {@code log2 m} is odd) ping-pongs between two split (real / imaginary) arrays; the usual split step turns
 * {@code Z} into the spectrum of {@code x}: {@code X_k = E_k + W^k O_k}, {@code X_(m-k) = conj(E_k - W^k O_k)},
 * {@code E_k = (Z_k + conj Z_(m-k))/2}, {@code O_k = (Z_k - conj Z_(m-k))/2i}, {@code W = exp(-2 pi i / n)}.
 * In stage {@code st} the butterflies' inputs lie {@code stride = 4^st} apart and consecutive, so every stage
 * but the first (stride 1, scalar, fused with the de-interleaving of {@code x}) runs on whole vectors along the
 * stride; the split step reads {@code Z_(m-k)} as reversed vectors. Twiddles are computed once per length with
 * {@link Math#cos}/{@link Math#sin} of the exact angle, so the result is as accurate as JTransforms' (a few ulps
 * of the frame's largest bin).
 *
 * <p>Holds tables and scratch arrays: one instance per thread.
 */
final class VectorRealFft implements FrameFft {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_256;
    private static final int LANES = 4;
    private static final VectorShuffle<Double> REVERSE = VectorShuffle.fromValues(SPECIES, 3, 2, 1, 0);
    /** Lane constants of stage 0: (-1)^j and (-i)^j = B_RE + i B_IM for j = 0..3. */
    private static final DoubleVector SIGN_C = DoubleVector.fromArray(SPECIES, new double[] {1, -1, 1, -1}, 0);
    private static final DoubleVector B_RE = DoubleVector.fromArray(SPECIES, new double[] {1, 0, -1, 0}, 0);
    private static final DoubleVector B_IM = DoubleVector.fromArray(SPECIES, new double[] {0, -1, 0, 1}, 0);

    private final int n;
    private final int m;
    /** Twiddles of radix-4 stage st: {@code [3p + j - 1]} is {@code exp(-2 pi i j p / len_st)}, j = 1..3. */
    private final double[][] twiddleRe;
    private final double[][] twiddleIm;
    /** Stage 0's twiddles {@code w^(jp)} at {@code [4p + j]}, j = 0..3. */
    private final double[] firstTwiddleRe;
    private final double[] firstTwiddleIm;
    /** Stage 1's twiddles, each repeated for the four lanes: {@code [12p + 4(j-1) + lane]}. */
    private final double[] stride4TwiddleRe;
    private final double[] stride4TwiddleIm;
    private final boolean radix2Last;
    /** {@code W^k}, k < m/2 + 1, of the split step. */
    private final double[] splitRe;
    private final double[] splitIm;
    private final double[] re0;
    private final double[] im0;
    private final double[] re1;
    private final double[] im1;

    VectorRealFft(int n) {
        if (n < 16 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("VectorRealFft needs a power of two >= 16, got " + n);
        }
        this.n = n;
        this.m = n / 2;
        int log = Integer.numberOfTrailingZeros(m);
        int stages = log / 2;
        this.radix2Last = (log & 1) == 1;
        this.twiddleRe = new double[stages][];
        this.twiddleIm = new double[stages][];
        int len = m;
        for (int st = 0; st < stages; st++) {
            int quarter = len / 4;
            twiddleRe[st] = new double[3 * quarter];
            twiddleIm[st] = new double[3 * quarter];
            for (int p = 0; p < quarter; p++) {
                for (int j = 1; j <= 3; j++) {
                    double angle = -2.0 * Math.PI * ((long) j * p % len) / len;
                    twiddleRe[st][3 * p + j - 1] = Math.cos(angle);
                    twiddleIm[st][3 * p + j - 1] = Math.sin(angle);
                }
            }
            len /= 4;
        }
        this.firstTwiddleRe = new double[m];
        this.firstTwiddleIm = new double[m];
        for (int p = 0; p < m / 4; p++) {
            firstTwiddleRe[4 * p] = 1.0;
            for (int j = 1; j <= 3; j++) {
                firstTwiddleRe[4 * p + j] = twiddleRe[0][3 * p + j - 1];
                firstTwiddleIm[4 * p + j] = twiddleIm[0][3 * p + j - 1];
            }
        }
        int stage1 = stages > 1 ? twiddleRe[1].length : 0;
        this.stride4TwiddleRe = new double[4 * stage1];
        this.stride4TwiddleIm = new double[4 * stage1];
        for (int i = 0; i < 4 * stage1; i++) {
            stride4TwiddleRe[i] = twiddleRe[1][i / 4];
            stride4TwiddleIm[i] = twiddleIm[1][i / 4];
        }
        this.splitRe = new double[m / 2 + 1];
        this.splitIm = new double[m / 2 + 1];
        for (int k = 0; k <= m / 2; k++) {
            double angle = -2.0 * Math.PI * k / n;
            splitRe[k] = Math.cos(angle);
            splitIm[k] = Math.sin(angle);
        }
        this.re0 = new double[m];
        this.im0 = new double[m];
        this.re1 = new double[m];
        this.im1 = new double[m];
    }

    @Override
    public void power(double[] x, double[] power) {
        firstStage(x);
        powerAfterFirstStage(power);
    }

    @Override
    public void windowedPower(float[] y, int start, double[] window, double[] scratch, double[] power) {
        firstStageWindowed(y, start, window);
        powerAfterFirstStage(power);
    }

    /** The stages after the first, the split step and |X_k|^2. */
    private void powerAfterFirstStage(double[] power) {
        boolean inFirst = laterStages();
        double[] zr = inFirst ? re0 : re1;
        double[] zi = inFirst ? im0 : im1;
        double dc = zr[0] + zi[0];
        double nyquist = zr[0] - zi[0];
        power[0] = dc * dc;
        power[m] = nyquist * nyquist;
        int half = m / 2;
        int k = 1;
        // Vectors of k .. k+3 against m-k-3 .. m-k (reversed); k + 3 < half keeps both ranges apart.
        for (; k + LANES - 1 < half; k += LANES) {
            DoubleVector ar = DoubleVector.fromArray(SPECIES, zr, k);
            DoubleVector ai = DoubleVector.fromArray(SPECIES, zi, k);
            DoubleVector br = DoubleVector.fromArray(SPECIES, zr, m - k - 3).rearrange(REVERSE);
            DoubleVector bi = DoubleVector.fromArray(SPECIES, zi, m - k - 3).rearrange(REVERSE);
            DoubleVector wr = DoubleVector.fromArray(SPECIES, splitRe, k);
            DoubleVector wi = DoubleVector.fromArray(SPECIES, splitIm, k);
            // E = (a + conj b)/2; O = (a - conj b)/2i = ((ai + bi)/2, -(ar - br)/2)
            DoubleVector er = ar.add(br).mul(0.5);
            DoubleVector ei = ai.sub(bi).mul(0.5);
            DoubleVector or = ai.add(bi).mul(0.5);
            DoubleVector oi = br.sub(ar).mul(0.5);
            DoubleVector tr = wr.mul(or).sub(wi.mul(oi));
            DoubleVector ti = wr.mul(oi).add(wi.mul(or));
            DoubleVector pr = er.add(tr);
            DoubleVector pi = ei.add(ti);
            DoubleVector qr = er.sub(tr);
            DoubleVector qi = ei.sub(ti);
            pr.mul(pr).add(pi.mul(pi)).intoArray(power, k);
            qr.mul(qr).add(qi.mul(qi)).rearrange(REVERSE).intoArray(power, m - k - 3);
        }
        scalarSplit(zr, zi, k, power, null);
    }

    @Override
    public void packed(double[] x) {
        firstStage(x);
        boolean inFirst = laterStages();
        double[] zr = inFirst ? re0 : re1;
        double[] zi = inFirst ? im0 : im1;
        x[0] = zr[0] + zi[0];
        x[1] = zr[0] - zi[0];
        scalarSplit(zr, zi, 1, null, x);
    }

    /**
     * The split step for bins {@code from .. m/2} and their mirrors {@code m-k}, one bin at a time: into
     * {@code power} as {@code |X_k|^2}, or, when that is null, into {@code packed} in JTransforms' layout. (The
     * vector loop of {@link #powerAfterFirstStage} does the same for all but the last few bins.)
     */
    private void scalarSplit(double[] zr, double[] zi, int from, double[] power, double[] packed) {
        for (int k = from; k <= m / 2; k++) {
            double ar = zr[k];
            double ai = zi[k];
            double br = zr[m - k];
            double bi = zi[m - k];
            double er = 0.5 * (ar + br);
            double ei = 0.5 * (ai - bi);
            double or = 0.5 * (ai + bi);
            double oi = 0.5 * (br - ar);
            double tr = splitRe[k] * or - splitIm[k] * oi;
            double ti = splitRe[k] * oi + splitIm[k] * or;
            if (power != null) {
                power[k] = (er + tr) * (er + tr) + (ei + ti) * (ei + ti);
                power[m - k] = (er - tr) * (er - tr) + (ei - ti) * (ei - ti);
            } else {
                packed[2 * k] = er + tr;
                packed[2 * k + 1] = ei + ti;
                if (k != m - k) { // X_(m-k) = conj(E - W^k O)
                    packed[2 * (m - k)] = er - tr;
                    packed[2 * (m - k) + 1] = -(ei - ti);
                }
            }
        }
    }

    /** The complex FFT's stages after stage 0 (which wrote re1/im1); true when the result is in re0/im0. */
    private boolean laterStages() {
        boolean inFirst = false;
        int stride = 4;
        for (int st = 1; st < twiddleRe.length; st++) {
            if (stride == LANES) {
                radix4Stride4Stage(re1, im1, re0, im0); // stage 1 always reads re1/im1
            } else if (inFirst) {
                radix4Stage(st, stride, re0, im0, re1, im1);
            } else {
                radix4Stage(st, stride, re1, im1, re0, im0);
            }
            inFirst = !inFirst;
            stride *= 4;
        }
        if (radix2Last) {
            if (inFirst) {
                radix2Stage(re0, im0, re1, im1);
            } else {
                radix2Stage(re1, im1, re0, im0);
            }
            inFirst = !inFirst;
        }
        return inFirst;
    }

    /**
     * Radix-4 stage 0 (stride 1) reading the interleaved reals directly; writes re1/im1. Its four outputs per
     * butterfly are consecutive, so the vector runs along them: output j is {@code w^(jp) (a + (-i)^j b +
     * (-1)^j c + i^j d)}, the inputs broadcast and multiplied by the lane constants {@code (-i)^j}, {@code (-1)^j},
     * {@code i^j}.
     */
    private void firstStage(double[] x) {
        int quarter = m / 4;
        for (int p = 0; p < quarter; p++) {
            int a = 2 * p;
            int b = 2 * (p + quarter);
            int c = 2 * (p + 2 * quarter);
            int d = 2 * (p + 3 * quarter);
            firstStageButterfly(p, x[a], x[a + 1], x[b], x[b + 1], x[c], x[c + 1], x[d], x[d + 1]);
        }
    }

    /**
     * {@link #firstStage} of {@code window[i] * y[start + i]}: the frame windowed as it is read. A loop of its own
     * on purpose: one loop choosing its loads by a branch made the whole STFT ~20 % slower (JMH stftPowerOnly best
     * 6.6 -> 8.1 ms).
     */
    private void firstStageWindowed(float[] y, int start, double[] window) {
        int quarter = m / 4;
        for (int p = 0; p < quarter; p++) {
            int a = 2 * p;
            int b = 2 * (p + quarter);
            int c = 2 * (p + 2 * quarter);
            int d = 2 * (p + 3 * quarter);
            firstStageButterfly(p,
                    window[a] * y[start + a], window[a + 1] * y[start + a + 1],
                    window[b] * y[start + b], window[b + 1] * y[start + b + 1],
                    window[c] * y[start + c], window[c + 1] * y[start + c + 1],
                    window[d] * y[start + d], window[d + 1] * y[start + d + 1]);
        }
    }

    /** Butterfly p of stage 0 (inputs z_p, z_(p+m/4), z_(p+m/2), z_(p+3m/4)) into re1/im1[4p .. 4p+3]. */
    private void firstStageButterfly(int p, double ar, double ai, double br, double bi, double cr, double ci,
                                     double dr, double di) {
        DoubleVector bR = DoubleVector.broadcast(SPECIES, br);
        DoubleVector bI = DoubleVector.broadcast(SPECIES, bi);
        DoubleVector dR = DoubleVector.broadcast(SPECIES, dr);
        DoubleVector dI = DoubleVector.broadcast(SPECIES, di);
        // a + (-1)^j c
        DoubleVector sumR = DoubleVector.broadcast(SPECIES, cr).fma(SIGN_C, DoubleVector.broadcast(SPECIES, ar));
        DoubleVector sumI = DoubleVector.broadcast(SPECIES, ci).fma(SIGN_C, DoubleVector.broadcast(SPECIES, ai));
        // + (-i)^j b + i^j d, with (-i)^j = (B_RE, B_IM), i^j = (B_RE, -B_IM)
        sumR = bR.fma(B_RE, sumR).sub(bI.mul(B_IM)).add(dR.mul(B_RE)).add(dI.mul(B_IM));
        sumI = bI.fma(B_RE, sumI).add(bR.mul(B_IM)).add(dI.mul(B_RE)).sub(dR.mul(B_IM));
        int o = 4 * p;
        DoubleVector wr = DoubleVector.fromArray(SPECIES, firstTwiddleRe, o);
        DoubleVector wi = DoubleVector.fromArray(SPECIES, firstTwiddleIm, o);
        wr.mul(sumR).sub(wi.mul(sumI)).intoArray(re1, o);
        wr.mul(sumI).add(wi.mul(sumR)).intoArray(im1, o);
    }

    /** Radix-4 stage {@code st} (stride {@code 4^st >= 4}, a multiple of the vector length). */
    private void radix4Stage(int st, int stride, double[] xr, double[] xi, double[] yr, double[] yi) {
        int quarter = m / (4 * stride);
        int span = m / 4;
        double[] tr = twiddleRe[st];
        double[] ti = twiddleIm[st];
        for (int p = 0; p < quarter; p++) {
            int w = 3 * p;
            DoubleVector w1r = DoubleVector.broadcast(SPECIES, tr[w]);
            DoubleVector w1i = DoubleVector.broadcast(SPECIES, ti[w]);
            DoubleVector w2r = DoubleVector.broadcast(SPECIES, tr[w + 1]);
            DoubleVector w2i = DoubleVector.broadcast(SPECIES, ti[w + 1]);
            DoubleVector w3r = DoubleVector.broadcast(SPECIES, tr[w + 2]);
            DoubleVector w3i = DoubleVector.broadcast(SPECIES, ti[w + 2]);
            int in = stride * p;
            int out = 4 * stride * p;
            for (int q = 0; q < stride; q += LANES) {
                int a = in + q;
                DoubleVector ar = DoubleVector.fromArray(SPECIES, xr, a);
                DoubleVector ai = DoubleVector.fromArray(SPECIES, xi, a);
                DoubleVector br = DoubleVector.fromArray(SPECIES, xr, a + span);
                DoubleVector bi = DoubleVector.fromArray(SPECIES, xi, a + span);
                DoubleVector cr = DoubleVector.fromArray(SPECIES, xr, a + 2 * span);
                DoubleVector ci = DoubleVector.fromArray(SPECIES, xi, a + 2 * span);
                DoubleVector dr = DoubleVector.fromArray(SPECIES, xr, a + 3 * span);
                DoubleVector di = DoubleVector.fromArray(SPECIES, xi, a + 3 * span);
                DoubleVector apcR = ar.add(cr);
                DoubleVector apcI = ai.add(ci);
                DoubleVector amcR = ar.sub(cr);
                DoubleVector amcI = ai.sub(ci);
                DoubleVector bpdR = br.add(dr);
                DoubleVector bpdI = bi.add(di);
                DoubleVector bmdR = br.sub(dr);
                DoubleVector bmdI = bi.sub(di);
                int o = out + q;
                apcR.add(bpdR).intoArray(yr, o);
                apcI.add(bpdI).intoArray(yi, o);
                DoubleVector t1r = amcR.add(bmdI);
                DoubleVector t1i = amcI.sub(bmdR);
                w1r.mul(t1r).sub(w1i.mul(t1i)).intoArray(yr, o + stride);
                w1r.mul(t1i).add(w1i.mul(t1r)).intoArray(yi, o + stride);
                DoubleVector t2r = apcR.sub(bpdR);
                DoubleVector t2i = apcI.sub(bpdI);
                w2r.mul(t2r).sub(w2i.mul(t2i)).intoArray(yr, o + 2 * stride);
                w2r.mul(t2i).add(w2i.mul(t2r)).intoArray(yi, o + 2 * stride);
                DoubleVector t3r = amcR.sub(bmdI);
                DoubleVector t3i = amcI.add(bmdR);
                w3r.mul(t3r).sub(w3i.mul(t3i)).intoArray(yr, o + 3 * stride);
                w3r.mul(t3i).add(w3i.mul(t3r)).intoArray(yi, o + 3 * stride);
            }
        }
    }

    /**
     * Stage 1 (stride 4 = one vector): the general loop's inner loop would run once per p, and its per-p set-up
     * cost three times the butterfly itself; here the twiddles come from a table with each value repeated four
     * times. The butterfly is written out again on purpose: as a shared method taking vectors it is not inlined
     * (too large), and the vectors passed to it are boxed, which made both stages 2-6x slower.
     */
    private void radix4Stride4Stage(double[] xr, double[] xi, double[] yr, double[] yi) {
        int quarter = m / 16;
        int span = m / 4;
        double[] tr = stride4TwiddleRe;
        double[] ti = stride4TwiddleIm;
        for (int p = 0; p < quarter; p++) {
            int a = 4 * p;
            int w = 12 * p;
            DoubleVector ar = DoubleVector.fromArray(SPECIES, xr, a);
            DoubleVector ai = DoubleVector.fromArray(SPECIES, xi, a);
            DoubleVector br = DoubleVector.fromArray(SPECIES, xr, a + span);
            DoubleVector bi = DoubleVector.fromArray(SPECIES, xi, a + span);
            DoubleVector cr = DoubleVector.fromArray(SPECIES, xr, a + 2 * span);
            DoubleVector ci = DoubleVector.fromArray(SPECIES, xi, a + 2 * span);
            DoubleVector dr = DoubleVector.fromArray(SPECIES, xr, a + 3 * span);
            DoubleVector di = DoubleVector.fromArray(SPECIES, xi, a + 3 * span);
            DoubleVector apcR = ar.add(cr);
            DoubleVector apcI = ai.add(ci);
            DoubleVector amcR = ar.sub(cr);
            DoubleVector amcI = ai.sub(ci);
            DoubleVector bpdR = br.add(dr);
            DoubleVector bpdI = bi.add(di);
            DoubleVector bmdR = br.sub(dr);
            DoubleVector bmdI = bi.sub(di);
            int o = 16 * p;
            apcR.add(bpdR).intoArray(yr, o);
            apcI.add(bpdI).intoArray(yi, o);
            DoubleVector w1r = DoubleVector.fromArray(SPECIES, tr, w);
            DoubleVector w1i = DoubleVector.fromArray(SPECIES, ti, w);
            DoubleVector t1r = amcR.add(bmdI);
            DoubleVector t1i = amcI.sub(bmdR);
            w1r.mul(t1r).sub(w1i.mul(t1i)).intoArray(yr, o + 4);
            w1r.mul(t1i).add(w1i.mul(t1r)).intoArray(yi, o + 4);
            DoubleVector w2r = DoubleVector.fromArray(SPECIES, tr, w + 4);
            DoubleVector w2i = DoubleVector.fromArray(SPECIES, ti, w + 4);
            DoubleVector t2r = apcR.sub(bpdR);
            DoubleVector t2i = apcI.sub(bpdI);
            w2r.mul(t2r).sub(w2i.mul(t2i)).intoArray(yr, o + 8);
            w2r.mul(t2i).add(w2i.mul(t2r)).intoArray(yi, o + 8);
            DoubleVector w3r = DoubleVector.fromArray(SPECIES, tr, w + 8);
            DoubleVector w3i = DoubleVector.fromArray(SPECIES, ti, w + 8);
            DoubleVector t3r = amcR.sub(bmdI);
            DoubleVector t3i = amcI.add(bmdR);
            w3r.mul(t3r).sub(w3i.mul(t3i)).intoArray(yr, o + 12);
            w3r.mul(t3i).add(w3i.mul(t3r)).intoArray(yi, o + 12);
        }
    }

    /** The final radix-2 stage (twiddles all 1) when log2 m is odd. */
    private void radix2Stage(double[] xr, double[] xi, double[] yr, double[] yi) {
        int half = m / 2;
        int q = 0;
        for (; q + LANES <= half; q += LANES) {
            DoubleVector ar = DoubleVector.fromArray(SPECIES, xr, q);
            DoubleVector ai = DoubleVector.fromArray(SPECIES, xi, q);
            DoubleVector br = DoubleVector.fromArray(SPECIES, xr, q + half);
            DoubleVector bi = DoubleVector.fromArray(SPECIES, xi, q + half);
            ar.add(br).intoArray(yr, q);
            ai.add(bi).intoArray(yi, q);
            ar.sub(br).intoArray(yr, q + half);
            ai.sub(bi).intoArray(yi, q + half);
        }
        for (; q < half; q++) {
            double ar = xr[q];
            double ai = xi[q];
            yr[q] = ar + xr[q + half];
            yi[q] = ai + xi[q + half];
            yr[q + half] = ar - xr[q + half];
            yi[q + half] = ai - xi[q + half];
        }
    }
}
