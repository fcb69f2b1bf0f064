package dev.audiopipeline.jobs;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's root directory (the one holding bin/audio-pipeline), found from the module's directory. */
public final class ProjectRoot {

    private ProjectRoot() {}

    public static Path get() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("bin/audio-pipeline")) && Files.isDirectory(dir.resolve("conf"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no bin/audio-pipeline above " + Path.of("").toAbsolutePath());
    }
}
