package dev.audiopipeline.pipeline.spark;

import java.util.concurrent.ThreadFactory;

/** Threads the job starts beside Spark's: daemons, so none of them can keep a driver or executor JVM alive. */
public final class DaemonThreads {

    private DaemonThreads() {}

    public static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
