"""Reference outputs for TimeStretcherTest: librosa 0.11's effects.time_stretch, ported to numpy.

librosa is not installed here, so its stft (n_fft 2048, hop 512, periodic Hann, center=True,
pad_mode='constant'), phase_vocoder (the angle-based loop, as in librosa/core/spectrum.py) and istft
(window sum-square normalisation, length=round(n / rate)) are written out below, in float64. The Java
side uses a trigonometry-free phasor form of the same vocoder; this script checks it against the
original formulation.

Run from features/:  python3 src/test/python/time_stretch_reference.py
Writes src/test/resources/augment/{input,stretch_0.8,stretch_1.25}.npy (float32).
"""
import os

import numpy as np

N_FFT = 2048
HOP = 512
SR = 22050
OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "augment")


def hann_periodic(n):
    return 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n) / n)


def stft(y):
    window = hann_periodic(N_FFT)
    padded = np.pad(y.astype(np.float64), N_FFT // 2, mode="constant")
    n_frames = 1 + (len(padded) - N_FFT) // HOP
    frames = np.stack([padded[t * HOP:t * HOP + N_FFT] * window for t in range(n_frames)], axis=1)
    return np.fft.rfft(frames, axis=0)


def phase_vocoder(D, rate):
    time_steps = np.arange(0, D.shape[-1], rate, dtype=np.float64)
    d_stretch = np.zeros((D.shape[0], len(time_steps)), dtype=D.dtype)
    phi_advance = HOP * np.linspace(0, np.pi, D.shape[0])  # hop * fft_frequencies(sr=2 pi, n_fft)
    phase_acc = np.angle(D[:, 0])
    D = np.pad(D, [(0, 0), (0, 2)], mode="constant")
    for t, step in enumerate(time_steps):
        columns = D[:, int(step):int(step + 2)]
        alpha = np.mod(step, 1.0)
        mag = (1.0 - alpha) * np.abs(columns[:, 0]) + alpha * np.abs(columns[:, 1])
        d_stretch[:, t] = mag * np.exp(1.0j * phase_acc)
        dphase = np.angle(columns[:, 1]) - np.angle(columns[:, 0]) - phi_advance
        dphase = dphase - 2.0 * np.pi * np.round(dphase / (2.0 * np.pi))
        phase_acc += phi_advance + dphase
    return d_stretch


def istft(D, length):
    window = hann_periodic(N_FFT)
    n_frames = min(D.shape[1], int(np.ceil((length + 2 * (N_FFT // 2)) / HOP)))
    expected = N_FFT + HOP * (n_frames - 1)
    y = np.zeros(expected)
    wss = np.zeros(expected)
    for t in range(n_frames):
        y[t * HOP:t * HOP + N_FFT] += np.fft.irfft(D[:, t], n=N_FFT) * window
        wss[t * HOP:t * HOP + N_FFT] += window ** 2
    nonzero = wss > np.finfo(np.float32).tiny
    y[nonzero] /= wss[nonzero]
    y = y[N_FFT // 2:]
    return np.pad(y, (0, max(0, length - len(y))))[:length]


def time_stretch(y, rate):
    return istft(phase_vocoder(stft(y), rate), int(round(len(y) / rate)))


def test_signal(n=5000):
    t = np.arange(n) / SR
    y = 0.5 * np.sin(2 * np.pi * 440.0 * t) + 0.25 * np.sin(2 * np.pi * 1234.5 * t + 0.3)
    y[2500] += 0.8  # a click: the vocoder smears transients, the reference must agree on how
    burst = np.arange(n - 3000)
    y[3000:] += 0.3 * np.exp(-burst / 300.0) * np.sin(2 * np.pi * 3000.0 * burst / SR)
    return y.astype(np.float32)


def main():
    os.makedirs(OUT, exist_ok=True)
    y = test_signal()
    np.save(os.path.join(OUT, "input.npy"), y)
    for rate in (0.8, 1.25):
        out = time_stretch(y, rate).astype(np.float32)
        np.save(os.path.join(OUT, f"stretch_{rate}.npy"), out)
        print(f"rate {rate}: {len(y)} -> {len(out)} samples, peak {np.abs(out).max():.4f}")
    # rate 1 reconstructs the input (COLA Hann at hop n_fft/4): a sanity check of this port
    assert np.max(np.abs(time_stretch(y, 1.0) - y)) < 1e-6


if __name__ == "__main__":
    main()
