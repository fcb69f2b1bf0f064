#!/usr/bin/env bash
# Bulk scoring on real-library input (issue 13): FILES three-minute (SECONDS) 44.1 kHz stereo MP3 tracks (LAME
# 192 kbit/s, CompressedCorpusWriter's MP3 half; never committed) scored with an `lstm` bundle through
# `bin/audio-pipeline score --master local[1]` pinned to one core and `--master local[2]` on both, against the
# seeds' way on the same files (bench/seeds_score.py: librosa.load(sr=22050, mono), MFCC 13 per 3-s segment, a Keras
# LSTM of the same architecture predicting each segment, mean per track) on one core with TensorFlow's intra/inter
# op pools at 1 thread, and on both cores with 2. Every run is a whole process timed with /usr/bin/time (Spark's
# start included for ours, Python's start and the TensorFlow import for theirs), alternating ours/theirs,
# ROUNDS times; prints each run with the load average and the ratios seeds / ours (per core: 1-core against 1-core).
#
#   bench/score-benchmark.sh [FILES=20] [SECONDS=180] [ROUNDS=3] [BUNDLE]
#
# Without BUNDLE, an lstm bundle is trained once (kept in WORK): `corpus` (10 labels x 6 tracks of 30 s), `extract`,
# `train --model lstm --conf train.epochs=2` (the timing does not depend on the weights).
# Needs: a build (mvn -B -DskipTests package), the reactor's test classes (compiled here) and the peers' venv
# (PEERS_VENV, default ../venv-peers: librosa, TensorFlow/Keras). Cores: BENCH_CORE (default 0) for the one-core
# runs, BENCH_CORES (default 0,1) for the two-core runs. Run under flock /tmp/bench.lock.
set -euo pipefail
cd "$(dirname "$0")/.."
FILES=${1:-20}
SECONDS_OF_AUDIO=${2:-180}
ROUNDS=${3:-3}
VENV=${PEERS_VENV:-../venv-peers}
CORE=${BENCH_CORE:-0}
CORES=${BENCH_CORES:-0,1}
WORK=${SCORE_BENCH_DIR:-/tmp/audio-pipeline-score-bench}
ALL="$WORK/corpus-$((2 * FILES))-$SECONDS_OF_AUDIO"
CORPUS="$WORK/mp3-$FILES-$SECONDS_OF_AUDIO"
BUNDLE=${4:-$WORK/lstm-bundle}
mkdir -p "$WORK"

if [[ ! -d "$CORPUS" ]]; then
    mvn -o -B -q -pl pipeline -am test-compile dependency:build-classpath \
        -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test >/dev/null
    CP=pipeline/target/test-classes:pipeline/target/classes:features/target/classes:$(cat pipeline/target/cp.txt)
    java -Daudiopipeline.test.scratch="$WORK/scratch" -Dorg.bytedeco.javacpp.cachedir="$WORK/javacpp" -cp "$CP" \
        dev.audiopipeline.pipeline.bench.CompressedCorpusWriter "$ALL" "$((2 * FILES))" "$SECONDS_OF_AUDIO" >/dev/null
    mkdir -p "$CORPUS.partial"
    find "$ALL" -name '*.mp3' -exec ln -f {} "$CORPUS.partial/" \;
    mv "$CORPUS.partial" "$CORPUS"
fi
if [[ ! -f "$BUNDLE/bundle.json" ]]; then
    echo "training an lstm bundle at $BUNDLE"
    rm -rf "$WORK/train-features" "$BUNDLE"
    bin/audio-pipeline corpus --output "$WORK/train-corpus" --labels 10 --files-per-label 6 --seconds 30 >/dev/null
    bin/audio-pipeline extract --input "$WORK/train-corpus" --output "$WORK/train-features" --master 'local[2]' \
        >/dev/null 2>&1
    bin/audio-pipeline train --features "$WORK/train-features" --model lstm --output "$BUNDLE" --master 'local[2]' \
        --conf train.epochs=2 >"$WORK/train.log" 2>&1
fi
LABELS=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['labels']))" "$BUNDLE/bundle.json")
echo "$(date -u +%FT%TZ) $(find "$CORPUS" -name '*.mp3' | wc -l) MP3 x $SECONDS_OF_AUDIO s 44.1 kHz stereo" \
    "($(du -shL "$CORPUS" | cut -f1)), bundle $BUNDLE ($LABELS labels), 1 core: $CORE, 2 cores: $CORES, $ROUNDS rounds"

# One small untimed run records the launcher's class-data archive (see README, "Launcher environment").
rm -rf "$WORK/warm"
bin/audio-pipeline score --model "$BUNDLE" --input "$(find "$CORPUS" -name '*.mp3' | head -1)" --output "$WORK/warm" \
    --master 'local[1]' >/dev/null 2>&1 || true
rm -rf "$WORK/warm"

# numpy runs here: the machine's OpenBLAS tuning variables slow it (see ../shared/notes/performance.md).
py() { # THREADS
    echo "env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS=$1 OPENBLAS_NUM_THREADS=$1 MKL_NUM_THREADS=$1" \
        "NUMBA_NUM_THREADS=$1 TF_NUM_INTRAOP_THREADS=$1 TF_NUM_INTEROP_THREADS=$1 $VENV/bin/python"
}
ours() { # NAME MASTER CPUS
    rm -rf "$WORK/out-$1"
    /usr/bin/time -f "%e %M" -o "$WORK/$1.time" taskset -c "$3" bin/audio-pipeline score --model "$BUNDLE" \
        --input "$CORPUS" --output "$WORK/out-$1" --master "$2" >"$WORK/$1.out" 2>"$WORK/$1.log"
    echo "$1 $(cut -d' ' -f1-3 /proc/loadavg | tr ' ' /) $(tail -1 "$WORK/$1.time")" >>"$results"
    echo "  $1 (load $(cut -d' ' -f1-3 /proc/loadavg)): $(tail -1 "$WORK/$1.time" | cut -d' ' -f1) s," \
        "$(( $(tail -1 "$WORK/$1.time" | cut -d' ' -f2) / 1024 )) MB | $(grep -m1 'tracks\? scored' "$WORK/$1.out" \
        "$WORK/$1.log" | tail -1 | cut -c1-160)"
}
theirs() { # NAME THREADS CPUS
    # shellcheck disable=SC2046
    /usr/bin/time -f "%e %M" -o "$WORK/$1.time" taskset -c "$3" $(py "$2") bench/seeds_score.py "$CORPUS" \
        --labels "$LABELS" >"$WORK/$1.out" 2>"$WORK/$1.log"
    echo "$1 $(cut -d' ' -f1-3 /proc/loadavg | tr ' ' /) $(tail -1 "$WORK/$1.time")" >>"$results"
    echo "  $1 (load $(cut -d' ' -f1-3 /proc/loadavg)): $(tail -1 "$WORK/$1.time" | cut -d' ' -f1) s," \
        "$(( $(tail -1 "$WORK/$1.time" | cut -d' ' -f2) / 1024 )) MB | $(cat "$WORK/$1.out")" \
        "| $(grep 'seeds stages' "$WORK/$1.log")"
}
results="$WORK/results"
: >"$results"
for round in $(seq "$ROUNDS"); do
    echo "round $round"
    echo "round $round" >>"$results"
    if (( round % 2 )); then
        ours ours-1 'local[1]' "$CORE"; theirs seeds-1 1 "$CORE"; ours ours-2 'local[2]' "$CORES"; theirs seeds-2 2 "$CORES"
    else
        theirs seeds-1 1 "$CORE"; ours ours-1 'local[1]' "$CORE"; theirs seeds-2 2 "$CORES"; ours ours-2 'local[2]' "$CORES"
    fi
done
python3 - "$results" <<'PY'
import collections, sys
rounds, current = [], None
for line in open(sys.argv[1]):
    f = line.split()
    if f[0] == "round":
        current = {}
        rounds.append(current)
    else:
        current[f[0]] = float(f[2])
for i, r in enumerate(rounds, 1):
    print(f"round {i}: seeds-1 / ours-1 {r['seeds-1'] / r['ours-1']:.2f}, seeds-2 / ours-2 "
          f"{r['seeds-2'] / r['ours-2']:.2f}, seeds-1 / ours-2 {r['seeds-1'] / r['ours-2']:.2f}, "
          f"ours-1 / ours-2 {r['ours-1'] / r['ours-2']:.2f}")
span = lambda k: f"{min(r[k] for r in rounds):.1f}-{max(r[k] for r in rounds):.1f} s"
ratio = lambda a, b: f"{min(r[a] / r[b] for r in rounds):.2f}-{max(r[a] / r[b] for r in rounds):.2f}"
print(f"ours local[1] {span('ours-1')}, seeds 1 core {span('seeds-1')}: per core seeds / ours {ratio('seeds-1', 'ours-1')}"
      f" (target >= 3); ours local[2] {span('ours-2')}, seeds 2 cores {span('seeds-2')}: {ratio('seeds-2', 'ours-2')}")
PY
