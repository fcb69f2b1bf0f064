#!/usr/bin/env python3
"""How close the product's features of 44.1 and 48 kHz audio are to librosa's: log-mel and MFCC (defaults, 22050 Hz)
from `bin/audio-pipeline features FILE` against `librosa.load(FILE, sr=22050)` (soxr_hq) followed by
`power_to_db(melspectrogram(y, sr))` and `mfcc(S=that, n_mfcc=13)`, on the same float32 WAV files.

For scale, the same comparison between librosa's own soxr_hq and soxr_vhq. Columns: the worst log-mel difference
over all bands and frames, over the bands centred below 9.9 kHz (the pass band both resamplers share), over the
values more than 20 dB above the top_db floor (60 dB under the input's loudest), the mean; the worst MFCC
difference, of c0, of c1-c12, the mean.

  resampled_features.py [--launcher bin/audio-pipeline] [--seconds 10]
  resampled_features.py --golden FILE      writes the numbers ResampledFeaturesLibrosaTest reads (the 'mix'
                                           signal, 3 s, per-band mean and max of log-mel, per-coefficient mean
                                           of MFCC, librosa 0.11 + soxr HQ); no launcher needed

Needs librosa, soundfile, soxr (the peers venv). Prints one row per input rate and signal.
"""
import argparse
import os
import subprocess
import sys
import tempfile

import librosa
import numpy as np
import soundfile as sf

SR = 22050
RATES = (44100, 48000)
# Tones of the 'mix' signal (Hz, amplitude): pass band, the edge of the pass band (0.95 x 11025 = 10474 Hz),
# the transition band, and above the output Nyquist (must not alias back).
MIX_TONES = ((440.0, 0.2), (3000.0, 0.1), (10000.0, 0.05), (10800.0, 0.05), (12000.0, 0.05), (15000.0, 0.05))


def mix(rate, seconds):
    """A chirp 50 Hz -> 20 kHz at 0.2 plus MIX_TONES; ResampledFeaturesLibrosaTest.mix computes the same."""
    n = int(round(seconds * rate))
    t = np.arange(n, dtype=np.float64) / rate
    f0, f1 = 50.0, 20000.0
    y = 0.2 * np.sin(2 * np.pi * (f0 * t + 0.5 * (f1 - f0) / seconds * t * t))
    for hz, amplitude in MIX_TONES:
        y = y + amplitude * np.sin(2 * np.pi * hz * t)
    return y.astype(np.float32)


def noise(rate, seconds):
    return (np.random.default_rng(1).standard_normal(int(round(seconds * rate))) * 0.1).astype(np.float32)


def notes(rate, seconds):
    """Music-like: a few harmonic notes (10 partials, decaying) and a noise burst every half second."""
    n = int(round(seconds * rate))
    t = np.arange(n) / rate
    y = np.zeros(n)
    rng = np.random.default_rng(2)
    for start in np.arange(0, seconds, 0.5):
        f = 110 * 2 ** (rng.integers(0, 36) / 12)
        env = np.where(t >= start, np.exp(-(t - start) * 3), 0)
        for k in range(1, 11):
            if f * k < rate / 2:
                y += env * 0.3 / k * np.sin(2 * np.pi * f * k * (t - start))
        burst = np.where((t >= start) & (t < start + 0.03), 1.0, 0.0)
        y += burst * rng.standard_normal(n) * 0.2
    return (y / np.max(np.abs(y)) * 0.8).astype(np.float32)


SIGNALS = {'mix': mix, 'noise': noise, 'notes': notes}


def librosa_features(y):
    logmel = librosa.power_to_db(librosa.feature.melspectrogram(y=y, sr=SR))
    return logmel, librosa.feature.mfcc(S=logmel, n_mfcc=13)


def product_features(launcher, wav, out):
    subprocess.run([launcher, 'features', wav, '--feature', 'logmel,mfcc', '--no-default-config', '--out', out],
                   check=True, stdout=subprocess.DEVNULL)
    table = np.loadtxt(out, delimiter=',', skiprows=1, dtype=np.float64)
    return table[:, 1:129].T, table[:, 129:142].T


def compare(ours, theirs):
    (lm_a, mf_a), (lm_b, mf_b) = ours, theirs
    if lm_a.shape != lm_b.shape:
        raise SystemExit(f"frames differ: {lm_a.shape} against {lm_b.shape}")
    centres = librosa.mel_frequencies(n_mels=130, fmax=SR / 2)[1:-1]
    below = centres < 0.9 * SR / 2  # bands centred below 9.9 kHz: the resamplers' common pass band
    d = np.abs(lm_a - lm_b)
    m = np.abs(mf_a - mf_b)
    loud = lm_b > lm_b.max() - 60  # more than 20 dB above the top_db floor
    return (d.max(), d[below].max(), d[loud].max(), d.mean(), m.max(), m[0].max(), m[1:].max(), m.mean())


def golden(path):
    with open(path, 'w') as out:
        out.write('# librosa 0.11.0 (soxr_hq) features of ResampledFeaturesLibrosaTest.mix, 3 s, by '
                  'bench/resampled_features.py --golden\n')
        out.write('# rate,kind,index,mean,max   (kind: logmel band 0-127 or mfcc coefficient 0-12; over frames)\n')
        for rate in RATES:
            y = librosa.resample(mix(rate, 3.0), orig_sr=rate, target_sr=SR, res_type='soxr_hq')
            logmel, mfcc = librosa_features(y)
            for kind, matrix in (('logmel', logmel), ('mfcc', mfcc)):
                for i, row in enumerate(matrix):
                    out.write(f"{rate},{kind},{i},{row.astype(np.float64).mean():.9g},{row.max():.9g}\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--launcher', default=os.path.join(os.path.dirname(__file__), '..', 'bin', 'audio-pipeline'))
    parser.add_argument('--seconds', type=float, default=10.0)
    parser.add_argument('--golden')
    args = parser.parse_args()
    if args.golden:
        golden(args.golden)
        return
    print(f"librosa {librosa.__version__}; worst and mean absolute differences over all frames "
          f"({args.seconds:g} s per signal)")
    print(f"{'in Hz':>6} {'signal':>6} {'pair':>14} | {'log-mel dB: worst':>17} {'<9.9 kHz':>8} {'>-60 dB':>8} "
          f"{'mean':>7} | {'MFCC: worst':>11} {'c0':>7} {'c1-12':>7} {'mean':>7}")
    with tempfile.TemporaryDirectory() as folder:
        for rate in RATES:
            for name, make in SIGNALS.items():
                wav = os.path.join(folder, f"{name}-{rate}.wav")
                sf.write(wav, make(rate, args.seconds), rate, subtype='FLOAT')
                y_hq, _ = librosa.load(wav, sr=SR)
                y_vhq, _ = librosa.load(wav, sr=SR, res_type='soxr_vhq')
                hq = librosa_features(y_hq)
                rows = (('ours/soxr_hq', product_features(args.launcher, wav, wav + '.csv'), hq),
                        ('vhq/soxr_hq', librosa_features(y_vhq), hq))
                for label, a, b in rows:
                    r = compare(a, b)
                    print(f"{rate:>6} {name:>6} {label:>14} | {r[0]:17.4f} {r[1]:8.4f} {r[2]:8.4f} {r[3]:7.4f} | "
                          f"{r[4]:11.4f} {r[5]:7.4f} {r[6]:7.4f} {r[7]:7.4f}", flush=True)


if __name__ == '__main__':
    sys.exit(main())
