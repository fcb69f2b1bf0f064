"""Nightly extraction and scoring as an Airflow DAG (Airflow 2.x, apache-airflow-providers-apache-spark).

extract reads new and changed files into the features table; score then scores them with the current model, so
that relabel.csv lists what the library's tags get wrong. Both are incremental (--incremental), and score runs
only after extract succeeded. max_active_runs=1 keeps two nights from overlapping; extract also refuses to start
while another run's claim on its output is alive, and one stopped by Airflow (SIGTERM, on a timeout or when marked
failed) gives its claim up, so that a retry starts at once. A failed run leaves its output as it was.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

LIBRARY = "s3a://music/library"
FEATURES = "s3a://music/features/library"
MODEL = "s3a://music/models/genre-lstm"  # a bundle written by 'train'
SCORES = "s3a://music/scores/library"
SETTINGS = "/etc/audio-pipeline/nightly.properties"  # client mode: read on the Airflow worker

SPARK_CONF = {
    "spark.executorEnv.OMP_NUM_THREADS": "1",
    # the Vector API for the feature kernel's FFT (incubator module on Java 17)
    "spark.driver.extraJavaOptions": "--add-modules=jdk.incubator.vector",
    "spark.executor.extraJavaOptions": "--add-modules=jdk.incubator.vector",
    # S3 credentials never go in this dict (Airflow shows it in its UI and task logs) nor in the settings
    # file: S3A's default chain reads AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY from the environment of the
    # driver and executors, then the EC2 instance role. Or name a Hadoop credential provider (a JCEKS
    # keystore made with 'hadoop credential create fs.s3a.secret.key -provider ...'):
    # "spark.hadoop.hadoop.security.credential.provider.path": "jceks://hdfs@nn:8020/user/etl/s3.jceks",
}


def audio_pipeline(task_id, *args):
    return SparkSubmitOperator(
        task_id=task_id,
        application="/opt/audio-pipeline/audio-pipeline.jar",
        conn_id="spark_default",
        executor_memory="4g",
        conf=SPARK_CONF,
        application_args=list(args),
        packages="org.apache.hadoop:hadoop-aws:3.3.4",
        execution_timeout=timedelta(hours=6),
    )


with DAG(
    dag_id="audio_pipeline_nightly",
    schedule="15 2 * * *",
    start_date=datetime(2026, 11, 1),
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 1, "retry_delay": timedelta(minutes=15)},
) as dag:
    extract = audio_pipeline(
        "extract",
        "extract", "--input", LIBRARY, "--output", FEATURES, "--incremental", "--config", SETTINGS)
    score = audio_pipeline(
        "score",
        "score", "--model", MODEL, "--input", LIBRARY, "--output", SCORES, "--incremental", "--config", SETTINGS)
    extract >> score
