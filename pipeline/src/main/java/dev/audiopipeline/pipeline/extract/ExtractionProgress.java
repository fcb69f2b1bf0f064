package dev.audiopipeline.pipeline.extract;

import dev.audiopipeline.pipeline.spark.DaemonThreads;
import java.io.Serializable;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkContext;
import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;

/**
 * Progress of an extraction that a person can follow: tasks count finished files and segments in accumulators,
 * and the driver logs "files done / total, segments, files per second" every interval while the job runs. The same
 * counters give the run's totals: the tasks update them in the job's result stage, where Spark applies each task's
 * updates once (a failed attempt's are dropped, a retried one's counted once).
 */
public final class ExtractionProgress implements AutoCloseable {

    /**
     * What tasks update; serializable, shipped with the task.
     *
     * @param files inputs done, used or rejected
     * @param segments feature rows written (augmented variants included)
     * @param filesOk inputs that gave rows
     * @param audioSeconds seconds of audio in the rows (variant 0 only; padding excluded)
     */
    public record Counters(LongAccumulator files, LongAccumulator segments, LongAccumulator filesOk,
                           DoubleAccumulator audioSeconds) implements Serializable {}

    private final Counters counters;
    private final long totalFiles;
    private final Logger log;
    private final String job;
    private final long start = System.nanoTime();
    private final ScheduledExecutorService timer;

    /**
     * @param job the job that reads the files ("extract", "score"): it starts each progress line and names the
     *     accumulators in Spark's UI
     */
    public ExtractionProgress(SparkContext context, String job, long totalFiles, long intervalSeconds, Logger log) {
        this.counters = new Counters(context.longAccumulator(job + " files done"),
                context.longAccumulator(job + " segments done"), context.longAccumulator(job + " files ok"),
                context.doubleAccumulator(job + " audio seconds"));
        this.totalFiles = totalFiles;
        this.log = log;
        this.job = job;
        this.timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(job + "-progress"));
        timer.scheduleAtFixedRate(this::report, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    public Counters counters() {
        return counters;
    }

    /** One progress line, e.g. "120/1000 files, 1190 segments, 11.8 files/s". */
    public String line() {
        long files = counters.files().value();
        double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        return String.format(Locale.ROOT, "%d/%d files, %d segments, %.1f files/s", files, totalFiles,
                counters.segments().value(), files / seconds);
    }

    private void report() {
        log.info("{}: {}", job, line());
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
