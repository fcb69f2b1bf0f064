package dev.audiopipeline.jobs.launcher;

import dev.audiopipeline.jobs.ProjectRoot;
import dev.audiopipeline.pipeline.testing.TestScratch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/audio-pipeline} as a user runs it, on the jar the build produced, with this machine's sizes: the heap
 * CI-sized, JavaCPP's ~400 MB of unpacked natives under target/, and no class-data archive (one test records one;
 * the others need not). Without the archive the launcher {@code exec}s the JVM: the child is the driver itself.
 */
final class ProductLauncher {

    static final Path LAUNCHER = ProjectRoot.get().resolve("bin/audio-pipeline");

    private ProductLauncher() {}

    static ProcessRun run(Path workDir, List<String> args, Map<String, String> extraEnvironment) {
        return ProcessRun.run(command(args), environment(extraEnvironment), workDir, 300);
    }

    static ProcessRun.Started start(Path workDir, List<String> args) {
        return ProcessRun.start(command(args), environment(Map.of()), workDir);
    }

    static String javaOptions() {
        return "-Xmx1g -Dorg.bytedeco.javacpp.cachedir=" + TestScratch.root().resolve("javacpp");
    }

    private static List<String> command(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(args);
        return command;
    }

    private static Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>();
        environment.put("AUDIO_PIPELINE_JAVA_OPTS", javaOptions());
        environment.put("AUDIO_PIPELINE_CDS", "off");
        environment.putAll(extra);
        return environment;
    }
}
