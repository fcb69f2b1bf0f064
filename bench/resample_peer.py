#!/usr/bin/env python3
"""python-soxr, the resampler librosa 0.11 uses by default (res_type='soxr_hq'), on the product's resampling
benchmark signals and quality measurements. Used by bench/resample-benchmark.sh.

  resample_peer.py generate DIR SECONDS RATE...   white noise (seed 1, sigma 0.1), float32 little-endian, DIR/RATE.f32
  resample_peer.py time DIR QUALITY RATE...       prints 'soxr RATE BEST_MS OUTPUTS' per rate (-> 22050 Hz, best of 5)
  resample_peer.py quality QUALITY                the sweep / stop-band / pass-band measurements of
                                                  StreamingResamplerQualityTest, same signals and definitions
"""
import sys
import time

import numpy as np
import soxr

OUT = 22050


def generate(folder, seconds, rates):
    for rate in rates:
        rng = np.random.default_rng(1)
        x = (rng.standard_normal(int(seconds * rate)) * 0.1).astype('<f4')
        x.tofile(f"{folder}/{rate}.f32")


def timing(folder, quality, rates):
    for rate in rates:
        x = np.fromfile(f"{folder}/{rate}.f32", dtype='<f4')
        soxr.resample(x, rate, OUT, quality=quality)  # warm-up
        best = float('inf')
        for _ in range(5):
            t = time.perf_counter()
            y = soxr.resample(x, rate, OUT, quality=quality)
            best = min(best, time.perf_counter() - t)
        print(f"soxr {rate} {best * 1000:.2f} {len(y)}", flush=True)


def sweep(rate, seconds, f0, f1, amplitude, n=None, dtype=np.float32):
    n = int(round(seconds * rate)) if n is None else n
    t = np.arange(n) / rate
    k = (f1 - f0) / seconds
    return (amplitude * np.sin(2 * np.pi * (f0 * t + 0.5 * k * t * t))).astype(dtype)


def tone(rate, n, freq, amplitude):
    return (amplitude * np.sin(2 * np.pi * freq * np.arange(n) / rate)).astype(np.float32)


def tone_fit(x, rate, freq):
    w = 2 * np.pi * freq * np.arange(len(x)) / rate
    basis = np.stack([np.sin(w), np.cos(w)], axis=1)
    coef, *_ = np.linalg.lstsq(basis, x.astype(np.float64), rcond=None)
    residual = x - basis @ coef
    return np.hypot(*coef), np.sqrt(np.mean(residual ** 2))


def quality(q):
    skip = lambda out: out // 20  # 50 ms at either end, as Signals.edgeSkip
    for rin, rout in [(44100, 22050), (48000, 22050), (32000, 22050), (96000, 22050), (16000, 22050),
                      (11025, 22050), (8000, 22050), (22050, 16000), (22050, 8000), (22050, 44100),
                      (22050, 22051), (44100, 48000)]:
        f1 = 0.9 * min(rin, rout) / 2
        y = soxr.resample(sweep(rin, 2.0, 20, f1, 0.5), rin, rout, quality=q).astype(np.float64)
        ideal = sweep(rout, 2.0, 20, f1, 0.5, n=len(y), dtype=np.float64)
        s = skip(rout)
        e = y[s:-s] - ideal[s:-s]
        snr = 10 * np.log10(np.sum(ideal[s:-s] ** 2) / np.sum(e ** 2))
        print(f"sweep SNR {rin} -> {rout} soxr {q}: {snr:.1f} dB")
    for rin, rout, f in [(44100, 22050, 11100), (44100, 22050, 11600), (44100, 22050, 15000), (44100, 22050, 20000),
                         (48000, 22050, 11100), (48000, 22050, 23000), (96000, 22050, 30000), (32000, 22050, 12000),
                         (22050, 16000, 8500), (22050, 8000, 4000)]:
        x = tone(rin, 2 * rin, f, 1.0)
        y = soxr.resample(x, rin, rout, quality=q).astype(np.float64)
        s = skip(rout)
        rejection = 20 * np.log10(np.sqrt(np.mean(x.astype(np.float64) ** 2)) / np.sqrt(np.mean(y[s:-s] ** 2)))
        print(f"stop band {rin} -> {rout} soxr {q}, {f} Hz: {rejection:.1f} dB")
    for rin, rout, frac in [(44100, 22050, 0.9), (44100, 22050, 0.5), (44100, 22050, 0.05), (48000, 22050, 0.9),
                            (48000, 22050, 0.3), (32000, 22050, 0.9), (16000, 22050, 0.9), (8000, 22050, 0.9),
                            (22050, 22051, 0.9), (96000, 22050, 0.9), (22050, 8000, 0.9), (44100, 22050, 0.95)]:
        f = frac * min(rin, rout) / 2
        y = soxr.resample(tone(rin, 2 * rin, f, 0.5), rin, rout, quality=q).astype(np.float64)
        s = skip(rout)
        amplitude, residual = tone_fit(y[s:-s], rout, f)
        # the fit runs over y[s:-s], indices from 0: shift the phase reference, the amplitude does not change
        print(f"pass band {rin} -> {rout} soxr {q}, {f:.1f} Hz: {20 * np.log10(amplitude / 0.5):+.5f} dB, "
              f"residual -{20 * np.log10(0.5 / np.sqrt(2) / residual):.1f} dB")


if __name__ == '__main__':
    mode = sys.argv[1]
    if mode == 'generate':
        generate(sys.argv[2], float(sys.argv[3]), [int(r) for r in sys.argv[4:]])
    elif mode == 'time':
        timing(sys.argv[2], sys.argv[3], [int(r) for r in sys.argv[4:]])
    elif mode == 'quality':
        quality(sys.argv[2])
    else:
        sys.exit(__doc__)
