package dev.audiopipeline.jobs.demo;

import java.nio.file.Path;

/** Where the demo puts everything, under one directory. */
public record DemoLayout(Path root) {

    public DemoLayout {
        root = root.toAbsolutePath().normalize();
    }

    /** The labelled corpus, {@code train/<label>/} and {@code test/<label>/}. */
    public Path audio() {
        return root.resolve("audio");
    }

    /** The tagged tracks that are scored. */
    public Path library() {
        return root.resolve("library");
    }

    /** The extract output. */
    public Path features() {
        return root.resolve("features");
    }

    /** A model bundle; its folder's name is the model's name in the report. */
    public Path model(String name) {
        return root.resolve("models").resolve(name);
    }

    /** The evaluate report. */
    public Path report() {
        return root.resolve("report");
    }

    /** The score output. */
    public Path scores() {
        return root.resolve("scores");
    }
}
