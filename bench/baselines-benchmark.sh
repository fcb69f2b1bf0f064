#!/usr/bin/env bash
# The MLlib baselines (rf, logreg, svm, mlp, gbt) against scikit-learn's equivalents on the same statistics and the
# same split (the features' `split` column: by track): segment accuracy (argmax) and track accuracy (argmax of the
# mean of the segment probabilities), plus training seconds. MLlib runs on local[2]; scikit-learn on the same 2 cores.
#
#   bench/baselines-benchmark.sh FEATURES_DIR [SEED=7] [KIND[:key=value;...] ...]
#
# FEATURES_DIR is an extract output (its features/ table), e.g.
#   bin/audio-pipeline corpus --output /tmp/c --labels 10 --files-per-label 30 --seconds 30
#   bin/audio-pipeline extract --input /tmp/c --output /tmp/f
# KINDs default to all five with their default settings; `rf:trees=300;max-depth=25` overrides settings.
# Needs: the reactor's test classes (this script builds them offline) and the peers' venv (PEERS_VENV, default
# ../venv-peers: scikit-learn, pandas, pyarrow). Run under flock /tmp/bench.lock on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
FEATURES=${1:?usage: bench/baselines-benchmark.sh FEATURES_DIR [SEED] [KIND ...]}
SEED=${2:-7}
shift $(( $# >= 2 ? 2 : 1 ))
KINDS=("$@")
[ ${#KINDS[@]} -gt 0 ] || KINDS=(rf logreg svm mlp gbt)
VENV=${PEERS_VENV:-../venv-peers}
WORK=$(mktemp -d /tmp/baselines-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

mvn -o -B -q -pl training -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test >/dev/null
CP=training/target/test-classes:training/target/classes:pipeline/target/test-classes:pipeline/target/classes
CP=$CP:features/target/classes:$(cat training/target/cp.txt)
OPENS=$(sed -n 's:.*<spark.java17.opens>\(.*\)</spark.java17.opens>.*:\1:p' pom.xml)
echo "$(date -u +%FT%TZ) $FEATURES seed $SEED; $(uptime)"
# shellcheck disable=SC2086
OMP_NUM_THREADS=1 SPARK_LOCAL_IP=127.0.0.1 java -Xmx4g -XX:+UseParallelGC --add-modules=jdk.incubator.vector $OPENS \
    -Dlog4j2.configurationFile=conf/log4j2.properties \
    -cp "$CP" dev.audiopipeline.training.baselines.BaselineBenchmark "$FEATURES" "$WORK" "$SEED" "${KINDS[@]}"
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS=2 "$VENV/bin/python" bench/baselines_sklearn.py \
    "$FEATURES" --mllib "$WORK" --seed "$SEED"
