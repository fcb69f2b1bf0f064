#!/usr/bin/env python3
"""The seeds' way of scoring a folder of tracks, the peer of `audio-pipeline score` with an `lstm` bundle.

Seed 000's pipeline, per track: librosa.load(path, sr=22050, mono=True), 3-s segments (hop 3 s, a shorter tail
dropped, as the product's default), librosa.feature.mfcc(n_mfcc=13, n_fft=2048, hop_length=512) per segment
(130 frames x 13), a Keras LSTM with the product's architecture (LSTM 64 with sequences -> LSTM 64 -> dense 64
relu -> dropout .4 -> dense 16 relu -> dropout .3 -> softmax over LABELS classes) predicting every segment of the
track in one call, then the mean of the segment probabilities per track. The weights are Keras's initial ones:
the time does not depend on them. Timed as a whole process by the caller (Python start and the TensorFlow import
included, as Spark's start is for the product); prints one summary line, and to stderr the seconds spent in each
stage.

    TF_NUM_INTRAOP_THREADS=1 TF_NUM_INTEROP_THREADS=1 taskset -c 0 python3 bench/seeds_score.py DIR [--labels 10]

Threads: TensorFlow's intra/inter-op pools are sized from TF_NUM_INTRAOP_THREADS / TF_NUM_INTEROP_THREADS
(default: all cores), numpy's from OMP_NUM_THREADS / OPENBLAS_NUM_THREADS.
"""
import argparse
import os
import pathlib
import sys
import time

T0 = time.perf_counter()
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np  # noqa: E402
import librosa  # noqa: E402
import tensorflow as tf  # noqa: E402
import keras  # noqa: E402

SR = 22050
SEGMENT = 3 * SR
AUDIO = {".wav", ".mp3", ".ogg", ".flac", ".au"}


def threads():
    intra = int(os.environ.get("TF_NUM_INTRAOP_THREADS", "0"))
    inter = int(os.environ.get("TF_NUM_INTEROP_THREADS", "0"))
    if intra:
        tf.config.threading.set_intra_op_parallelism_threads(intra)
    if inter:
        tf.config.threading.set_inter_op_parallelism_threads(inter)
    return intra, inter


def model(frames, n_mfcc, labels):
    """Seed 000's network (the product's LstmNetwork)."""
    m = keras.Sequential([
        keras.Input((frames, n_mfcc)),
        keras.layers.LSTM(64, return_sequences=True),
        keras.layers.LSTM(64),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dropout(0.4),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dropout(0.3),
        keras.layers.Dense(labels, activation="softmax"),
    ])
    m.compile(optimizer=keras.optimizers.Adam(1e-4), loss="sparse_categorical_crossentropy")
    return m


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("root")
    parser.add_argument("--labels", type=int, default=10)
    parser.add_argument("--batch-size", type=int, default=32, help="Keras predict's batch (its default, 32)")
    args = parser.parse_args()
    intra, inter = threads()
    files = sorted(p for p in pathlib.Path(args.root).rglob("*") if p.suffix.lower() in AUDIO)
    frames = 1 + SEGMENT // 512  # 130, center=True
    net = model(frames, 13, args.labels)
    ready = time.perf_counter()
    load_s = mfcc_s = predict_s = 0.0
    segments = 0
    votes = {}
    for path in files:
        t = time.perf_counter()
        y = librosa.load(path, sr=SR, mono=True)[0]
        t1 = time.perf_counter()
        n = len(y) // SEGMENT
        x = np.stack([librosa.feature.mfcc(y=y[i * SEGMENT:(i + 1) * SEGMENT], sr=SR, n_mfcc=13).T
                      for i in range(n)]).astype(np.float32)
        t2 = time.perf_counter()
        p = net.predict(x, batch_size=args.batch_size, verbose=0).mean(axis=0)
        t3 = time.perf_counter()
        load_s += t1 - t
        mfcc_s += t2 - t1
        predict_s += t3 - t2
        segments += n
        votes[int(np.argmax(p))] = votes.get(int(np.argmax(p)), 0) + 1
    end = time.perf_counter()
    print(f"seeds: {len(files)} tracks, {segments} segments in {end - ready:.1f} s "
          f"(+{ready - T0:.1f} s imports and model)")
    print(f"seeds stages: start {ready - T0:.2f} s, load {load_s:.2f} s, mfcc {mfcc_s:.2f} s, "
          f"predict {predict_s:.2f} s; tf threads intra {intra or 'default'} inter {inter or 'default'}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
