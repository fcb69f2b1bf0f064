package dev.audiopipeline.jobs.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Runs the demo's steps one after the other and prints one line per step as it ends: its number, its name, what
 * it did and how long it took (further lines of a step indented below it).
 */
public final class DemoProgress {

    /** One step's work. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws IOException;
    }

    private final PrintWriter out;
    private final int steps;
    private final long start = System.nanoTime();
    private int done;
    private String current = "start";

    public DemoProgress(PrintWriter out, int steps) {
        this.out = out;
        this.steps = steps;
    }

    /** Runs a step and prints what {@code describe} says of its result. */
    public <T> T step(String name, Work<T> work, Function<T, List<String>> describe) throws IOException {
        current = name;
        long stepStart = System.nanoTime();
        T result = work.run();
        double seconds = (System.nanoTime() - stepStart) / 1e9;
        List<String> lines = describe.apply(result);
        done++;
        String prefix = String.format(Locale.ROOT, "[%d/%d] %-9s", done, steps, name);
        out.printf(Locale.ROOT, "%s %s (%.1f s)%n", prefix, lines.isEmpty() ? "done" : lines.get(0), seconds);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            out.printf("%s %s%n", " ".repeat(prefix.length()), line);
        }
        out.flush();
        return result;
    }

    /** The step running (or the last one started). */
    public String current() {
        return current;
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}
