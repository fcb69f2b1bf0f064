"""scikit-learn's equivalents of the MLlib baselines on an extract output's statistics, and the MLlib runs beside them.

    python bench/baselines_sklearn.py FEATURES_DIR [--mllib DIR] [--seed N] [--only rf,logreg,...]

Reads FEATURES_DIR/features (Parquet, hive-partitioned by run), keeps variant 0, trains on split == 'train' and
scores split == 'test' (the product's split, by track). Preprocessing as the MLlib pipelines do it: NaN and
infinite values filled with the training mean of their coordinate (SimpleImputer), standardisation for the linear
models and the MLP. Track prediction: argmax of the mean of the segment probabilities. With --mllib, reads
DIR/<kind>/predictions (BaselineBenchmark's output) and scores them the same way, so both sides share this code.
"""
import argparse
import json
import os
import time

import numpy as np
import pandas as pd
import pyarrow.dataset as ds
from sklearn.calibration import CalibratedClassifierCV
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import LinearSVC


def load(features_dir):
    table = ds.dataset(os.path.join(features_dir, "features"), format="parquet", partitioning="hive").to_table(
        columns=["track_id", "label", "split", "segment", "variant", "stats"])
    frame = table.to_pandas()
    frame = frame[frame.variant == 0]
    stats = np.stack(frame.stats.values).astype(np.float64)
    stats[~np.isfinite(stats)] = np.nan
    return frame.drop(columns=["stats"]).reset_index(drop=True), stats


def peers(seed):
    """scikit-learn's counterpart of each baseline, with its usual (default) settings."""
    impute = lambda: SimpleImputer(strategy="mean", keep_empty_features=True)
    return {
        "rf": lambda: make_pipeline(impute(), RandomForestClassifier(n_estimators=500, n_jobs=2, random_state=seed)),
        "logreg": lambda: make_pipeline(impute(), StandardScaler(), LogisticRegression(max_iter=2000)),
        # LinearSVC has no probabilities: sigmoid (Platt) calibration by 5-fold cross-validation, one final model
        "svm": lambda: make_pipeline(impute(), StandardScaler(), CalibratedClassifierCV(
            LinearSVC(random_state=seed, max_iter=5000), method="sigmoid", cv=5, ensemble=False)),
        "mlp": lambda: make_pipeline(impute(), StandardScaler(), MLPClassifier(max_iter=500, random_state=seed)),
        "gbt": lambda: make_pipeline(impute(), HistGradientBoostingClassifier(random_state=seed)),
    }


def accuracies(meta, labels, probabilities):
    """Segment accuracy (argmax) and track accuracy (argmax of the mean probabilities)."""
    predicted = np.asarray(labels)[probabilities.argmax(axis=1)]
    segment = float((predicted == meta.label.values).mean())
    frame = pd.DataFrame(probabilities, columns=labels)
    frame["track_id"] = meta.track_id.values
    means = frame.groupby("track_id")[labels].mean()
    truth = meta.groupby("track_id").label.first().loc[means.index]
    track = float((means.idxmax(axis=1) == truth).mean())
    return segment, track, len(means)


def mllib_run(directory, kind, test_meta):
    run = json.load(open(os.path.join(directory, kind, "run.json")))
    frame = ds.dataset(os.path.join(directory, kind, "predictions"), format="parquet").to_table().to_pandas()
    key = test_meta[["track_id", "segment"]]
    frame = key.merge(frame, on=["track_id", "segment"], how="left", validate="one_to_one")
    if frame.probabilities.isna().any():
        raise SystemExit(f"{kind}: MLlib predictions miss test segments")
    return run, np.stack(frame.probabilities.values)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("features")
    parser.add_argument("--mllib")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--only", default="rf,logreg,svm,mlp,gbt")
    args = parser.parse_args()

    meta, stats = load(args.features)
    train = (meta.split == "train").values
    test = (meta.split == "test").values
    labels = sorted(meta.label[train].unique())
    test_meta = meta[test].reset_index(drop=True)
    print(f"train {train.sum()} segments / {meta[train].track_id.nunique()} tracks, "
          f"test {test.sum()} segments / {test_meta.track_id.nunique()} tracks, {len(labels)} labels, "
          f"{stats.shape[1]} statistics, {int(np.isnan(stats).sum())} missing values")
    print(f"{'model':<8} {'sklearn seg':>11} {'track':>7} {'fit s':>7}   {'MLlib seg':>9} {'track':>7} {'fit s':>7}")
    for kind in args.only.split(","):
        model = peers(args.seed)[kind]()
        start = time.perf_counter()
        model.fit(stats[train], meta.label[train].values)
        seconds = time.perf_counter() - start
        assert list(model.classes_) == labels
        seg, track, tracks = accuracies(test_meta, labels, model.predict_proba(stats[test]))
        line = f"{kind:<8} {seg:>11.3f} {track:>7.3f} {seconds:>7.1f}"
        if args.mllib and os.path.exists(os.path.join(args.mllib, kind, "run.json")):
            run, probabilities = mllib_run(args.mllib, kind, test_meta)
            assert run["labels"] == labels, (run["labels"], labels)
            mseg, mtrack, _ = accuracies(test_meta, labels, probabilities)
            line += f"   {mseg:>9.3f} {mtrack:>7.3f} {run['train_seconds']:>7.1f}"
        print(line, flush=True)


if __name__ == "__main__":
    main()
