#!/usr/bin/env python3
"""The librosa side of the extract benchmark: the same features as `audio-pipeline extract`, single process.

For every WAV, MP3, Ogg or FLAC file under ROOT (any depth): load at 22050 Hz mono (librosa.load: soundfile, then
soxr_hq resampling when the file's rate is another), cut 3-s segments (hop 3 s, a shorter tail dropped),
and per segment compute MFCC 13, log-mel 128 (power_to_db of the mel power, ref 1, top_db 80), spectral contrast
(fmin 200, 6 bands, quantile 0.02) and mean/std/skew/kurtosis/min/max of each over frames, all with librosa 0.11
defaults. Results are kept in memory and counted (writing Parquet would only add to librosa's time).

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 NUMBA_NUM_THREADS=1 \\
        /usr/bin/time -f "%e s %M KB" python3 bench/librosa_extract.py [--port] /tmp/audio-pipeline-bench/corpus-100

Needs librosa 0.11 and scipy (pip install librosa==0.11.*). Where librosa is missing (the project's machine),
`--port` runs the same work with librosa's feature calls replaced by their numpy port (librosa_port_kernel.py,
checked against librosa's golden output by its `--check`) and the WAVs read with scipy (22050 Hz mono 16-bit
files, scaled as librosa.load scales them). The port skips librosa's Python-level overheads, so it is if anything
faster than librosa itself: a lower bound for the librosa script's time.
"""
import pathlib
import sys
import time

import numpy as np
import scipy.fft
import scipy.io.wavfile
import scipy.stats

SR = 22050
SEGMENT = 3 * SR
# What it reads under ROOT: librosa.load decodes them all through soundfile (libsndfile 1.1+ has MP3); --port
# reads 22050 Hz mono 16-bit WAV only.
AUDIO = {".wav", ".mp3", ".ogg", ".flac"}


def stats(matrix):
    """[coef][frame] -> mean, std, skew, kurtosis, min, max per coefficient (biased, Fisher, as the product)."""
    return np.concatenate([matrix.mean(axis=1), matrix.std(axis=1), scipy.stats.skew(matrix, axis=1),
                           scipy.stats.kurtosis(matrix, axis=1), matrix.min(axis=1), matrix.max(axis=1)])


def librosa_calls():
    """load(path) -> float32 samples, features(y) -> (mfcc, logmel, contrast), with librosa itself."""
    try:
        import librosa
    except ImportError:
        sys.exit("librosa_extract: librosa is not installed (pip install librosa==0.11.*), or run with --port")

    def load(path):
        return librosa.load(path, sr=SR, mono=True)[0]

    def features(y):
        logmel = librosa.power_to_db(librosa.feature.melspectrogram(y=y, sr=SR))
        return librosa.feature.mfcc(S=logmel, n_mfcc=13), logmel, librosa.feature.spectral_contrast(y=y, sr=SR)

    return load, features


def port_calls():
    """The same two functions with the numpy port of librosa's code (librosa_port_kernel.py)."""
    from librosa_port_kernel import melspectrogram, power_to_db, spectral_contrast

    def load(path):
        rate, data = scipy.io.wavfile.read(path)
        if rate != SR or data.ndim != 1 or data.dtype != np.int16:
            raise ValueError(f"{path}: --port reads 22050 Hz mono 16-bit WAV, got {rate} Hz {data.dtype} {data.shape}")
        return data.astype(np.float32) / 32768.0  # librosa.load's scaling (soundfile, float32)

    def features(y):
        logmel = power_to_db(melspectrogram(y))
        mfcc = scipy.fft.dct(logmel, axis=-2, type=2, norm="ortho")[..., :13, :]  # librosa.feature.mfcc(S=...)
        return mfcc, logmel, spectral_contrast(y)

    return load, features


def main(root, port):
    name = "librosa port" if port else "librosa"
    load, features = port_calls() if port else librosa_calls()
    start = time.perf_counter()
    files = sorted(p for p in pathlib.Path(root).rglob("*") if p.suffix.lower() in AUDIO)
    segments = 0
    for path in files:
        y = load(path)
        for begin in range(0, len(y) - SEGMENT + 1, SEGMENT):
            mfcc, logmel, contrast = features(y[begin:begin + SEGMENT])
            np.concatenate([stats(mfcc), stats(logmel), stats(contrast)])
            segments += 1
    print(f"{name}: {len(files)} files, {segments} segments in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    use_port = "--port" in arguments
    main([a for a in arguments if a != "--port"][0], use_port)
