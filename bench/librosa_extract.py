#!/usr/bin/env python3
"""The librosa side of the extract benchmark: the same features as `audio-pipeline extract`, single process.

For every WAV under ROOT (any depth): load at 22050 Hz mono, cut 3-s segments (hop 3 s, a shorter tail dropped),
and per segment compute MFCC 13, log-mel 128 (power_to_db of the mel power, ref 1, top_db 80), spectral contrast
(fmin 200, 6 bands, quantile 0.02) and mean/std/skew/kurtosis/min/max of each over frames, all with librosa 0.11
defaults. Results are kept in memory and counted (writing Parquet would only add to librosa's time).

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 NUMBA_NUM_THREADS=1 \
        /usr/bin/time -f "%e s %M KB" python3 bench/librosa_extract.py /tmp/audio-pipeline-bench/corpus-100

Needs librosa 0.11 and scipy (pip install librosa==0.11.*).
"""
import pathlib
import sys
import time

import librosa
import numpy as np
import scipy.stats

SR = 22050
SEGMENT = 3 * SR


def stats(matrix):
    """[coef][frame] -> mean, std, skew, kurtosis, min, max per coefficient (biased, Fisher, as the product)."""
    return np.concatenate([matrix.mean(axis=1), matrix.std(axis=1), scipy.stats.skew(matrix, axis=1),
                           scipy.stats.kurtosis(matrix, axis=1), matrix.min(axis=1), matrix.max(axis=1)])


def segment_features(y):
    mel = librosa.feature.melspectrogram(y=y, sr=SR)
    logmel = librosa.power_to_db(mel)
    mfcc = librosa.feature.mfcc(S=logmel, n_mfcc=13)
    contrast = librosa.feature.spectral_contrast(y=y, sr=SR)
    return mfcc, logmel, contrast, np.concatenate([stats(mfcc), stats(logmel), stats(contrast)])


def main(root):
    start = time.perf_counter()
    files = sorted(p for p in pathlib.Path(root).rglob("*.wav"))
    segments = 0
    for path in files:
        y, _ = librosa.load(path, sr=SR, mono=True)
        for begin in range(0, len(y) - SEGMENT + 1, SEGMENT):
            segment_features(y[begin:begin + SEGMENT])
            segments += 1
    print(f"librosa: {len(files)} files, {segments} segments in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main(sys.argv[1])
