#!/usr/bin/env bash
# Storage per choice of extract.matrices: extract on one core (local[1], pinned with taskset when there is one)
# over a generated corpus, once per choice, and prints the features/ Parquet bytes per track-minute, the projection
# to a million four-minute tracks, and the time per track-minute (whole process, Spark's start included, and at
# steady state from the driver's progress lines).
#
#   bench/matrices-benchmark.sh [FILES] [SECONDS] [ROUNDS]     default 600 files x 30 s (22050 Hz WAV), 1 round
#
# Build first: mvn -B -DskipTests package. Run under `flock /tmp/bench.lock` on a shared machine.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
files=${1:-600}
seconds=${2:-30}
rounds=${3:-1}
work=${MATRICES_BENCH_DIR:-/tmp/audio-pipeline-matrices-bench}
launcher="$here/bin/audio-pipeline"
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)

labels=10
per_label=$(( (files + labels - 1) / labels ))
"$launcher" corpus --output "$work/corpus" --labels "$labels" --files-per-label "$per_label" --seconds "$seconds" >/dev/null
minutes=$(python3 -c "print($labels * $per_label * $seconds / 60)")
echo "corpus: $((labels * per_label)) files x ${seconds} s = ${minutes} track-minutes (22050 Hz WAV); load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-22s %12s %16s %22s %16s %16s\n' "extract.matrices" "MB" "kB/track-min" "TB/1M x 4-min tracks" "s/track-min" "steady s/tr-min"

# One small untimed run records the launcher's class-data archive.
"$launcher" extract --input "$work/corpus" --output "$work/warm" --master 'local[1]' --conf extract.max-seconds=3 \
    >/dev/null 2>&1 || true
rm -rf "$work/warm"

for round in $(seq 1 "$rounds"); do
  for choice in mfcc,logmel,contrast logmel mfcc mfcc,contrast none; do
    out="$work/out-$choice"
    rm -rf "$out"
    start=$(date +%s.%N)
    "${pin[@]}" "$launcher" extract --input "$work/corpus" --output "$out" --master 'local[1]' \
        --matrices "$choice" >"$work/extract.out" 2>"$work/extract.log"
    end=$(date +%s.%N)
    bytes=$(find "$out/features" -name '*.parquet' -printf '%s\n' | awk '{s += $1} END {print s}')
    # Steady state: seconds per file between the driver's first progress line (10 s into the job) and its last
    # line (all files done), from their time stamps.
    steady=$(grep -E 'extract: [0-9]+/|run [^ ]+: [0-9]+/[0-9]+ files' "$work/extract.log" | python3 -c '
import re, sys
points = []
for line in sys.stdin:
    h, m, s = map(int, line[:8].split(":"))
    points.append((h * 3600 + m * 60 + s, int(re.search(r"(\d+)/\d+ files", line).group(1))))
(t0, f0), (t1, f1) = points[0], points[-1]
print(f"{(t1 - t0) / (f1 - f0):.4f}" if len(points) > 1 and f1 > f0 and t1 > t0 else "-")')
    python3 - "$choice" "$bytes" "$minutes" "$start" "$end" "$steady" "$seconds" <<'EOF'
import sys
choice, size, minutes, start, end, steady, seconds = sys.argv[1:]
size, minutes = float(size), float(minutes)
per_min = size / minutes
steady_per_min = '-' if steady == '-' else f"{float(steady) / (float(seconds) / 60):.3f}"
print(f"{choice:<22} {size / 1e6:12.1f} {per_min / 1e3:16.1f} {per_min * 4 * 1e6 / 1e12:22.2f} "
      f"{(float(end) - float(start)) / minutes:16.3f} {steady_per_min:>16}")
EOF
  done
done
