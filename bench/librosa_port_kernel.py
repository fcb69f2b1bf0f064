#!/usr/bin/env python3
"""What librosa 0.11 computes for the kernel benchmark, ported op for op to numpy/scipy, timed on THIS machine.

librosa itself is not installed on the project machine, so the peer of the Java kernel benchmark
(features/BENCHMARK.md: MFCC 13 + log-mel 128 + spectral contrast of a 30-s clip at 22050 Hz, one thread) is
measured through this port of the calls a librosa user makes:

    mel = librosa.feature.melspectrogram(y=y, sr=22050)          # STFT 1
    logmel = librosa.power_to_db(mel)
    mfcc = librosa.feature.mfcc(y=y, sr=22050, n_mfcc=13)        # STFT 2 (mfcc computes its own mel)
    contrast = librosa.feature.spectral_contrast(y=y, sr=22050)  # STFT 3

Each function below follows librosa 0.11's code path with the same numpy/scipy operations and dtypes: framing
by strides, float64 Hann window, numpy.fft.rfft in blocks of librosa's MAX_MEM_BLOCK (256 KiB), |X|^2, the
float32 Slaney mel basis applied with einsum, 10 log10 with amin and top_db, scipy.fft.dct (type 2, ortho),
and for contrast a full sort of every sub-band along frequency. Python-level overheads of librosa (argument
checks, caching) are left out, so the port is if anything a little faster than librosa. The performance notes
(shared/notes/performance.md) put librosa at 42-45 ms for these three calls plus loading a WAV (~1 ms) on their
machine: the ratio of the figure printed here to ~42 ms is how much slower this machine is.

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 python3 bench/librosa_port_kernel.py
    python3 bench/librosa_port_kernel.py --check ../shared/reference    # the port against librosa's output

`--check` compares the port with the golden librosa 0.11 files (mel_db, mfcc13, contrast of all 13 inputs) and
prints the largest differences: float32 rounding (under 1e-4), i.e. the port computes what librosa computes.
"""
import pathlib
import sys
import time

import numpy as np
import scipy.fft

SR = 22050
N_FFT = 2048
HOP = 512
N_MELS = 128
MAX_MEM_BLOCK = 2**8 * 2**10


def hann(n):
    # scipy.signal.get_window('hann', n, fftbins=True): the periodic window
    return 0.5 - 0.5 * np.cos(2.0 * np.pi * np.arange(n) / n)


def stft(y):
    window = hann(N_FFT).reshape((-1, 1))
    padded = np.pad(y, (N_FFT // 2, N_FFT // 2), mode="constant")
    n_frames = 1 + (len(padded) - N_FFT) // HOP
    frames = np.lib.stride_tricks.as_strided(
        padded, shape=(N_FFT, n_frames), strides=(padded.itemsize, HOP * padded.itemsize))
    out = np.empty((1 + N_FFT // 2, n_frames), dtype=np.complex64, order="F")
    n_columns = max(MAX_MEM_BLOCK // (out.shape[0] * out.itemsize), 1)
    for start in range(0, n_frames, n_columns):
        stop = min(start + n_columns, n_frames)
        out[:, start:stop] = np.fft.rfft(window * frames[:, start:stop], axis=0)
    return out


def hz_to_mel(f):
    f = np.asanyarray(f, dtype=float)
    f_sp = 200.0 / 3
    mels = f / f_sp
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    return np.where(f >= min_log_hz, min_log_mel + np.log(np.maximum(f, min_log_hz) / min_log_hz) / logstep, mels)


def mel_to_hz(m):
    m = np.asanyarray(m, dtype=float)
    f_sp = 200.0 / 3
    freqs = f_sp * m
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    return np.where(m >= min_log_mel, min_log_hz * np.exp(logstep * (m - min_log_mel)), freqs)


def mel_basis():
    fftfreqs = np.fft.rfftfreq(N_FFT, 1.0 / SR)
    mel_f = mel_to_hz(np.linspace(hz_to_mel(0.0), hz_to_mel(SR / 2.0), N_MELS + 2))
    fdiff = np.diff(mel_f)
    ramps = np.subtract.outer(mel_f, fftfreqs)
    weights = np.zeros((N_MELS, 1 + N_FFT // 2), dtype=np.float32)
    for i in range(N_MELS):
        lower = -ramps[i] / fdiff[i]
        upper = ramps[i + 2] / fdiff[i + 1]
        weights[i] = np.maximum(0, np.minimum(lower, upper))
    enorm = 2.0 / (mel_f[2:N_MELS + 2] - mel_f[:N_MELS])
    weights *= enorm[:, np.newaxis]
    return weights


MEL_BASIS = mel_basis()  # librosa caches its filters too


def melspectrogram(y):
    power = np.abs(stft(y)) ** 2
    return np.einsum("...ft,mf->...mt", power, MEL_BASIS, optimize=True)


def power_to_db(s, amin=1e-10, top_db=80.0):
    log_spec = 10.0 * np.log10(np.maximum(amin, s))
    log_spec -= 10.0 * np.log10(np.maximum(amin, 1.0))
    return np.maximum(log_spec, log_spec.max() - top_db)


def mfcc(y, n_mfcc=13):
    s = power_to_db(melspectrogram(y))
    return scipy.fft.dct(s, axis=-2, type=2, norm="ortho")[..., :n_mfcc, :]


def spectral_contrast(y, fmin=200.0, n_bands=6, quantile=0.02):
    s = np.abs(stft(y))
    freq = np.fft.rfftfreq(N_FFT, 1.0 / SR)
    octa = np.zeros(n_bands + 2)
    octa[1:] = fmin * (2.0 ** np.arange(0, n_bands + 1))
    valley = np.zeros((n_bands + 1, s.shape[-1]))
    peak = np.zeros_like(valley)
    for k, (f_low, f_high) in enumerate(zip(octa[:-1], octa[1:])):
        current_band = np.logical_and(freq >= f_low, freq <= f_high)
        idx = np.flatnonzero(current_band)
        if k > 0:
            current_band[idx[0] - 1] = True
        if k == n_bands:
            current_band[idx[-1] + 1:] = True
        sub_band = s[current_band]
        if k < n_bands:
            sub_band = sub_band[:-1]
        q = int(np.maximum(np.rint(quantile * np.sum(current_band)), 1))
        sortedr = np.sort(sub_band, axis=0)
        valley[k] = np.mean(sortedr[:q], axis=0)
        peak[k] = np.mean(sortedr[-q:], axis=0)
    return power_to_db(peak) - power_to_db(valley)  # librosa 0.11: linear=False, each with top_db 80


def kernel(y):
    mel = melspectrogram(y)
    logmel = power_to_db(mel)
    coefficients = mfcc(y)
    contrast = spectral_contrast(y)
    return logmel, coefficients, contrast


def main():
    rng = np.random.default_rng(42)
    t = np.arange(30 * SR) / SR
    phase = 2 * np.pi * np.cumsum(220.0 * 2.0 ** (t / 10.0)) / SR  # the JMH benchmark's gliding tone + noise
    y = (0.4 * np.sin(phase) + 0.2 * np.sin(2 * phase) + 0.1 * np.sin(3 * phase)
         + 0.02 * rng.standard_normal(len(t))).astype(np.float32)
    for _ in range(5):
        kernel(y)
    times = []
    for _ in range(40):
        start = time.perf_counter()
        kernel(y)
        times.append(time.perf_counter() - start)
    times = np.array(times) * 1e3
    batch = np.lib.stride_tricks.sliding_window_view(np.pad(y, N_FFT // 2), N_FFT)[::HOP].astype(np.float64)
    rfft = []
    for _ in range(20):
        start = time.perf_counter()
        np.fft.rfft(batch, axis=-1)
        rfft.append(time.perf_counter() - start)
    print(f"librosa-port kernel (melspectrogram + mfcc + spectral_contrast, 30-s clip): "
          f"median {np.median(times):.1f} ms, best {times.min():.1f} ms over {len(times)} runs")
    print(f"numpy.fft.rfft of the {batch.shape[0]} x {N_FFT} float64 frame batch: "
          f"median {np.median(rfft) * 1e3:.1f} ms, best {min(rfft) * 1e3:.1f} ms")


def check(reference):
    worst = {"mel_db": 0.0, "mfcc13": 0.0, "contrast": 0.0}
    inputs = sorted(d for d in pathlib.Path(reference).iterdir() if (d / "y.npy").exists())
    for directory in inputs:
        logmel, coefficients, contrast = kernel(np.load(directory / "y.npy"))
        for name, mine in (("mel_db", logmel), ("mfcc13", coefficients), ("contrast", contrast)):
            worst[name] = max(worst[name], float(np.max(np.abs(mine - np.load(directory / f"{name}.npy")))))
    print(f"{len(inputs)} inputs, largest absolute difference to librosa 0.11: "
          + ", ".join(f"{name} {value:.2g}" for name, value in worst.items()))
    return 0 if len(inputs) > 0 and max(worst.values()) < 1e-3 else 1


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        sys.exit(check(sys.argv[2]))
    main()
