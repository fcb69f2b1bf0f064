#!/usr/bin/env bash
# The whole path on real-library input: FILES tracks of SECONDS of 44.1 kHz stereo, half MP3 (LAME 192 kbit/s),
# half Ogg Vorbis, generated from the synthetic corpus's styles with FFmpeg (CompressedCorpusWriter; never
# committed), through `bin/audio-pipeline extract --master local[1]` (decode, downmix, resample to 22050 Hz, 3-s
# segments, MFCC + log-mel + contrast + statistics, Parquet) against bench/librosa_extract.py (librosa.load(sr=22050)
# and the same features per 3-s segment) on the same files, both pinned to one core (taskset -c CORE), each timed
# as a whole process, alternating, ROUNDS times. Prints each run and the ratio librosa / ours per round.
#
#   bench/whole-path-benchmark.sh [FILES=40] [SECONDS=180] [ROUNDS=3]
#
# Needs: a build (mvn -B -DskipTests package: bin/audio-pipeline and jobs/target), the reactor's test classes (this
# script compiles them) and the peers' venv (PEERS_VENV, default ../venv-peers). Run under flock /tmp/bench.lock.
set -euo pipefail
cd "$(dirname "$0")/.."
FILES=${1:-40}
SECONDS_OF_AUDIO=${2:-180}
ROUNDS=${3:-3}
VENV=${PEERS_VENV:-../venv-peers}
CORE=${BENCH_CORE:-0}
WORK=${WHOLE_PATH_DIR:-/tmp/audio-pipeline-whole-path}
CORPUS="$WORK/corpus-$FILES-$SECONDS_OF_AUDIO"
mkdir -p "$WORK"

mvn -o -B -q -pl pipeline -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test >/dev/null
CP=pipeline/target/test-classes:pipeline/target/classes:features/target/classes:$(cat pipeline/target/cp.txt)
java -Daudiopipeline.test.scratch="$WORK/scratch" -Dorg.bytedeco.javacpp.cachedir="$WORK/javacpp" -cp "$CP" \
    dev.audiopipeline.pipeline.bench.CompressedCorpusWriter "$CORPUS" "$FILES" "$SECONDS_OF_AUDIO" >/dev/null
echo "$(date -u +%FT%TZ) $FILES files x $SECONDS_OF_AUDIO s, 44.1 kHz stereo MP3/Ogg ($(du -sh "$CORPUS" | cut -f1)), core $CORE, $ROUNDS rounds"

# One small untimed run records the launcher's class-data archive (see README, "Launcher environment").
bin/audio-pipeline extract --input "$CORPUS" --output "$WORK/warm" --master 'local[1]' --conf extract.max-seconds=3 \
    >/dev/null 2>&1 || true
rm -rf "$WORK/warm"

# numpy runs here: the machine's OpenBLAS tuning variables slow it (see ../shared/notes/performance.md).
PY="env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 NUMBA_NUM_THREADS=1 $VENV/bin/python"
results="$WORK/results"
: > "$results"
for round in $(seq "$ROUNDS"); do
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    rm -rf "$WORK/out"
    /usr/bin/time -f "%e %M" -o "$WORK/ours.time" taskset -c "$CORE" bin/audio-pipeline extract --input "$CORPUS" \
        --output "$WORK/out" --master 'local[1]' >"$WORK/extract.out" 2>"$WORK/extract.log"
    /usr/bin/time -f "%e %M" -o "$WORK/librosa.time" taskset -c "$CORE" $PY bench/librosa_extract.py "$CORPUS" \
        >"$WORK/librosa.out"
    ours=$(tail -1 "$WORK/ours.time")
    theirs=$(tail -1 "$WORK/librosa.time")
    echo "round $round (load $load): ours $(cut -d' ' -f1 <<<"$ours") s, $(( $(cut -d' ' -f2 <<<"$ours") / 1024 )) MB;" \
        "librosa $(cut -d' ' -f1 <<<"$theirs") s, $(( $(cut -d' ' -f2 <<<"$theirs") / 1024 )) MB" \
        "| $(cat "$WORK/extract.out") | $(cat "$WORK/librosa.out")"
    echo "$ours $theirs" >> "$results"
done
python3 - "$results" <<'PY'
import sys
rows = [list(map(float, line.split())) for line in open(sys.argv[1]) if line.strip()]
ratios = [r[2] / r[0] for r in rows]
print(f"ours {min(r[0] for r in rows):.1f}-{max(r[0] for r in rows):.1f} s, librosa "
      f"{min(r[2] for r in rows):.1f}-{max(r[2] for r in rows):.1f} s: librosa / ours {min(ratios):.2f}-{max(ratios):.2f}")
PY
