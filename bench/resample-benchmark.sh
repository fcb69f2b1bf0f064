#!/usr/bin/env bash
# The product's resampler against python-soxr (librosa's default res_type, soxr_hq) and FFmpeg's libswresample
# at soxr-HQ-equivalent settings, on the same signals (white noise, SECONDS long, at each input rate), one thread
# each, pinned to one core, alternating the three ROUNDS times. Prints each one's best time per round and, per
# input rate -> 22050 Hz, the range of soxr's time over ours (>= 1.0: ours as fast or faster).
#
#   bench/resample-benchmark.sh [SECONDS=180] [ROUNDS=3] [RES_TYPE=soxr_hq]
#
# Needs: the reactor's classes (mvn -o -q -pl pipeline -am test-compile dependency:build-classpath
# -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test, which this script runs) and the peers' venv
# (PEERS_VENV, default ../venv-peers: librosa, soxr, numpy). Run under flock /tmp/bench.lock on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_OF_AUDIO=${1:-180}
ROUNDS=${2:-3}
RES_TYPE=${3:-soxr_hq}
SOXR_QUALITY=$(echo "${RES_TYPE#soxr_}" | tr a-z A-Z)
VENV=${PEERS_VENV:-../venv-peers}
CORE=${BENCH_CORE:-1}
RATES="44100 48000 32000 96000 16000 11025 8000"
WORK=$(mktemp -d /tmp/resample-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

mvn -o -B -q -pl pipeline -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test >/dev/null
CP=pipeline/target/test-classes:pipeline/target/classes:features/target/test-classes:features/target/classes:$(cat pipeline/target/cp.txt)
JAVA_OPTS="--add-modules=jdk.incubator.vector -XX:+UseParallelGC -Xmx2g -Dorg.bytedeco.javacpp.cachedir=$WORK/javacpp"
# numpy runs here: the machine's OpenBLAS tuning variables slow it (see ../shared/notes/performance.md).
PY="env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS=1 $VENV/bin/python"

$PY bench/resample_peer.py generate "$WORK" "$SECONDS_OF_AUDIO" $RATES
echo "$(date -u +%FT%TZ) $SECONDS_OF_AUDIO s of audio per rate, $ROUNDS rounds, $RES_TYPE, core $CORE; $(uptime)"
for round in $(seq "$ROUNDS"); do
    echo "round $round, load $(cut -d' ' -f1-3 /proc/loadavg)"
    taskset -c "$CORE" java $JAVA_OPTS -cp "$CP" dev.audiopipeline.features.resample.ResamplerBenchmark \
        "$WORK" "$RES_TYPE" $RATES 2>/dev/null | tee -a "$WORK/results"
    taskset -c "$CORE" $PY bench/resample_peer.py time "$WORK" "$SOXR_QUALITY" $RATES | tee -a "$WORK/results"
    if [ "${SKIP_SWR:-0}" != 1 ]; then
        taskset -c "$CORE" java $JAVA_OPTS -cp "$CP" dev.audiopipeline.pipeline.bench.SwrResamplerBenchmark \
            time "$WORK" $RATES 2>/dev/null | tee -a "$WORK/results"
    fi
done
python3 - "$WORK/results" "$ROUNDS" <<'PY'
import collections, sys
times = collections.defaultdict(list)
for line in open(sys.argv[1]):
    who, rate, ms, outputs = line.split()
    times[(who, int(rate))].append(float(ms))
rounds = int(sys.argv[2])
print(f"\n{'in -> 22050 Hz':>16} {'ours ms':>15} {'soxr ms':>15} {'swr ms':>17} {'soxr/ours':>11} {'swr/ours':>11}")
for rate in sorted({r for _, r in times}, reverse=True):
    ours, soxr, swr = (times[(w, rate)] for w in ('ours', 'soxr', 'swr'))
    # ratio per round (the runs of a round are adjacent), then the range over rounds
    ratios = [s / o for s, o in zip(soxr, ours)]
    sw = [s / o for s, o in zip(swr, ours)]
    fmt = lambda v: f"{min(v):.1f}-{max(v):.1f}" if v else "-"
    rng = lambda v: f"{min(v):.2f}-{max(v):.2f}" if v else "-"
    print(f"{rate:>16} {fmt(ours):>15} {fmt(soxr):>15} {fmt(swr):>17} {rng(ratios):>11} {rng(sw):>11}")
PY
