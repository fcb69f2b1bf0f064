#!/usr/bin/env bash
# Nightly run with spark-submit: extract the features of new and changed files, then score them with the current
# model, so that relabel.csv lists what the library's tags get wrong. Both steps are incremental (--incremental):
# only new or changed files are read, each run is published whole, and a failed run leaves its output as it was
# (the next night simply runs again). Scoring runs only when extraction succeeded (set -e).
# flock keeps a long night from overlapping the next (extract also refuses to start while another run's claim on
# its output is alive). Client mode: the driver runs here and reads the settings file from this machine.
# Adjust the paths, the master and the executor settings. Credentials (for s3a:// roots) come from the environment
# or a Hadoop credential provider, never from nightly.properties or this command line (see
# conf/audio-pipeline.properties, "Credentials"). From cron:
#
#   15 2 * * * /opt/audio-pipeline/conf/schedules/nightly.sh >> /var/log/audio-pipeline/nightly.log 2>&1
set -euo pipefail

LIBRARY=${LIBRARY:-hdfs://nn:8020/music/library}
FEATURES=${FEATURES:-hdfs://nn:8020/features/library}
MODEL=${MODEL:-hdfs://nn:8020/models/genre-lstm}       # a bundle written by 'train'
SCORES=${SCORES:-hdfs://nn:8020/scores/library}
SETTINGS=${SETTINGS:-/etc/audio-pipeline/nightly.properties}

exec 9>/var/lock/audio-pipeline-nightly.lock
if ! flock -n 9; then
  echo "$(date -u +%FT%TZ) the previous night's run is still going; not starting another" >&2
  exit 0
fi

submit() {
  spark-submit --master spark://master:7077 --executor-memory 4g \
    --conf spark.executorEnv.OMP_NUM_THREADS=1 \
    --driver-java-options --add-modules=jdk.incubator.vector \
    --conf spark.executor.extraJavaOptions=--add-modules=jdk.incubator.vector \
    /opt/audio-pipeline/audio-pipeline.jar "$@"
}

submit extract --input "$LIBRARY" --output "$FEATURES" --incremental --config "$SETTINGS"
submit score --model "$MODEL" --input "$LIBRARY" --output "$SCORES" --incremental --config "$SETTINGS"
