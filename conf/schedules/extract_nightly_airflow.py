"""Nightly feature extraction as an Airflow DAG (Airflow 2.x, apache-airflow-providers-apache-spark).

Only new and changed files are processed (--incremental). max_active_runs=1 keeps two nights from overlapping;
the job itself also refuses to start while another run's claim on the output is alive. A failed run leaves the
output as it was, so a retry (or the next night) simply runs again.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

with DAG(
    dag_id="audio_pipeline_extract_nightly",
    schedule="15 2 * * *",
    start_date=datetime(2026, 11, 1),
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 1, "retry_delay": timedelta(minutes=15)},
) as dag:
    SparkSubmitOperator(
        task_id="extract",
        application="/opt/audio-pipeline/audio-pipeline.jar",
        conn_id="spark_default",
        executor_memory="4g",
        conf={
            "spark.executorEnv.OMP_NUM_THREADS": "1",
            # the Vector API for the feature kernel's FFT (incubator module on Java 17)
            "spark.driver.extraJavaOptions": "--add-modules=jdk.incubator.vector",
            "spark.executor.extraJavaOptions": "--add-modules=jdk.incubator.vector",
            # S3 credentials never go in this dict (Airflow shows it in its UI and task logs) nor in the settings
            # file: S3A's default chain reads AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY from the environment of the
            # driver and executors, then the EC2 instance role. Or name a Hadoop credential provider (a JCEKS
            # keystore made with 'hadoop credential create fs.s3a.secret.key -provider ...'):
            # "spark.hadoop.hadoop.security.credential.provider.path": "jceks://hdfs@nn:8020/user/etl/s3.jceks",
        },
        application_args=[
            "extract",
            "--input", "s3a://music/library",
            "--output", "s3a://music/features/library",
            "--incremental",
            "--config", "/etc/audio-pipeline/nightly.properties",  # client mode: read on the Airflow worker
        ],
        packages="org.apache.hadoop:hadoop-aws:3.3.4",
    )
