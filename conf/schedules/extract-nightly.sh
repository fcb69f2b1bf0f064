#!/usr/bin/env bash
# Nightly feature extraction with spark-submit. Only new and changed files are processed (--incremental), each
# run is published whole, and a failed run leaves the output as it was (the next night simply runs again).
# flock keeps a long run from overlapping the next night's; the job also refuses to start while another run's
# claim on the output is alive. Client mode: the driver runs here and reads the settings file from this machine.
# Adjust the paths, the master and the executor settings. Credentials (for s3a:// roots) come from the environment
# or a Hadoop credential provider, never from nightly.properties or this command line (see
# conf/audio-pipeline.properties, "Credentials"). From cron:
#
#   15 2 * * * /opt/audio-pipeline/conf/schedules/extract-nightly.sh >> /var/log/audio-pipeline/extract.log 2>&1
set -euo pipefail

exec flock -n /var/lock/audio-pipeline-extract.lock \
  spark-submit --master spark://master:7077 --executor-memory 4g \
    --conf spark.executorEnv.OMP_NUM_THREADS=1 \
    --driver-java-options --add-modules=jdk.incubator.vector \
    --conf spark.executor.extraJavaOptions=--add-modules=jdk.incubator.vector \
    /opt/audio-pipeline/audio-pipeline.jar \
    extract --input hdfs://nn:8020/music/library --output hdfs://nn:8020/features/library --incremental \
      --config /etc/audio-pipeline/nightly.properties
