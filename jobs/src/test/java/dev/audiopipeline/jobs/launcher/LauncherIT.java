package dev.audiopipeline.jobs.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.audiopipeline.jobs.cli.AudioPipelineCommand;
import dev.audiopipeline.pipeline.corpus.WavWriter;
import dev.audiopipeline.pipeline.testing.TestScratch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** bin/audio-pipeline as a user runs it, on the jar the build produced (runs after 'package'). */
class LauncherIT {

    private static final Path LAUNCHER = ProductLauncher.LAUNCHER;
    private final Path work = TestScratch.newDirectory("launcher");

    @Test
    void helpListsCommandsAndEveryCommandAnswersHelp() {
        ProcessRun help = launch(List.of("--help"));
        assertThat(help.exitCode()).as(help.toString()).isZero();
        List<String> commands = new ArrayList<>(new CommandLine(new AudioPipelineCommand()).getSubcommands().keySet());
        assertThat(commands).contains("features", "extract", "doctor", "config");
        for (String command : commands) {
            assertThat(help.out()).contains("  " + command + " ");
            ProcessRun commandHelp = launch(List.of(command, "--help"));
            assertThat(commandHelp.exitCode()).as(commandHelp.toString()).isZero();
            assertThat(commandHelp.out()).contains("Usage: audio-pipeline " + command);
        }
    }

    @Test
    void unknownCommandOrOptionExitsNonZeroWithOneLine() {
        ProcessRun command = launch(List.of("extract-all"));
        assertThat(command.exitCode()).isEqualTo(2);
        assertThat(command.errLines()).hasSize(1);
        assertThat(command.err()).contains("unknown command 'extract-all'");

        ProcessRun option = launch(List.of("config", "--fast"));
        assertThat(option.exitCode()).isEqualTo(2);
        assertThat(option.errLines()).hasSize(1);
        assertThat(option.err()).contains("Unknown option: '--fast'");

        // The Spark commands run with the Vector API module, and the JVM announces it first.
        ProcessRun sparkCommand = launch(List.of("doctor", "--fast"));
        assertThat(sparkCommand.exitCode()).isEqualTo(2);
        assertThat(sparkCommand.errLines()).containsExactly(
                "WARNING: Using incubator modules: jdk.incubator.vector",
                "audio-pipeline doctor: Unknown option: '--fast' (see 'audio-pipeline doctor --help')");
    }

    @Test
    void refusesAnotherJavaWithOneClearLine() throws IOException {
        Path fakeJdk = work.resolve("jdk-21");
        Files.createDirectories(fakeJdk.resolve("bin"));
        Path java = fakeJdk.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"21.0.2\" 2024-01-16' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        ProcessRun run = launch(List.of("--help"), Map.of("JAVA_HOME", fakeJdk.toString()));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("audio-pipeline: Java 17 is required, but " + java
                + " is Java 21.0.2; set JAVA_HOME to a JDK 17");
    }

    @Test
    void saysHowToBuildWhenTheBuildIsMissing() throws IOException {
        Path checkout = work.resolve("fresh-clone");
        Files.createDirectories(checkout.resolve("bin"));
        Path copy = Files.copy(LAUNCHER, checkout.resolve("bin/audio-pipeline"));

        ProcessRun run = ProcessRun.run(List.of("bash", copy.toString(), "--help"), Map.of(), work, 60);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("the build is missing").contains("mvn -B -DskipTests package");
    }

    @Test
    void computesFeaturesOfAFileQuietly() throws IOException {
        float[] samples = new float[22050];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / 22050.0));
        }
        Path wav = work.resolve("tone with spaces é.wav");
        WavWriter.of(WavWriter.Encoding.PCM_16).write(wav, samples, 22050);
        Path csv = work.resolve("out/mfcc.csv");

        ProcessRun run = launch(List.of("features", wav.toString(), "--feature", "mfcc", "--out", csv.toString()));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1 + 1 + 22050 / 512);
        assertThat(lines.get(0)).startsWith("frame,mfcc_00,");
        // Quiet by default: the product's one INFO line, no Spark/Hadoop chatter.
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("INFO FeaturesCommand");
    }

    @Test
    void extractWritesTheContractsOutputs() throws IOException {
        float[] samples = new float[3 * 22050];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / 22050.0));
        }
        Path root = work.resolve("genres");
        Files.createDirectories(root.resolve("blues"));
        WavWriter.of(WavWriter.Encoding.PCM_16).write(root.resolve("blues/blues.00000.wav"), samples, 22050);
        Files.writeString(root.resolve("blues/readme.txt"), "not audio");
        Path output = work.resolve("features-out");

        ProcessRun run = launch(List.of("extract", "--input", root.toString(), "--output", output.toString(),
                "--master", "local[2]"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("2 files: 1 ok, 1 rejected; 1 segments, 3.0 s of audio");
        assertThat(output.resolve("features")).isDirectoryRecursivelyContaining("glob:**.parquet");
        assertThat(output.resolve("rejected")).isDirectoryRecursivelyContaining("glob:**.parquet");
        assertThat(Files.readString(output.resolve("_summary.json"))).contains("\"files_seen\" : 2",
                "\"files_ok\" : 1", "\"files_rejected\" : 1", "\"segments\" : 1", "\"audio_seconds\" : 3.0",
                "\"wall_seconds\"");
    }

    @Test
    void doctorRunsSparkLocallyAndLoadsTheNativeBackend() {
        ProcessRun run = launch(List.of("doctor", "--master", "local[2]"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("master local[2]")
                .contains("executor driver")
                .contains("OMP_NUM_THREADS=1")
                .contains("feature kernel: ok")
                .contains("FFT: Vector API, 256-bit") // the launcher adds --add-modules
                .contains("audio decoding: ok, FFmpeg libavcodec")
                .contains("ND4J backend:   ok, CpuBackend")
                .contains("all checks passed on 1 executor(s)");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain(" INFO ");
    }

    @Test
    void sparkCommandsRecordAClassDataArchiveOnceAndMapItAfterwards() throws IOException {
        Path cache = work.resolve("cds-cache");
        Map<String, String> cds = Map.of("AUDIO_PIPELINE_CDS", "on", "AUDIO_PIPELINE_CACHE", cache.toString());

        ProcessRun failed = launch(List.of("doctor", "--fast"), cds);
        assertThat(failed.exitCode()).isEqualTo(2);
        assertThat(cache).isEmptyDirectory(); // a failed run leaves no archive, and no half-written one

        // Archives of three earlier builds: the recording run keeps the two newest (builds used in turn do not
        // record again after each other) and removes the oldest.
        long now = System.currentTimeMillis();
        List<String> earlier =
                List.of("classes-1-100-java17.jsa", "classes-2-200-java17.jsa", "classes-3-300-java17.jsa");
        for (int i = 0; i < earlier.size(); i++) {
            Path old = Files.writeString(cache.resolve(earlier.get(i)), "not an archive");
            Files.setLastModifiedTime(old, FileTime.fromMillis(now - (3 - i) * 3_600_000L));
        }

        ProcessRun recording = launch(List.of("doctor", "--master", "local[1]"), cds);
        assertThat(recording.exitCode()).as(recording.toString()).isZero();
        assertThat(recording.errLines()).containsExactly("WARNING: Using incubator modules: jdk.incubator.vector");
        List<String> archives;
        try (var files = Files.list(cache)) {
            archives = files.map(archive -> archive.getFileName().toString()).toList();
        }
        assertThat(archives).hasSize(3).contains(earlier.get(1), earlier.get(2)).doesNotContain(earlier.get(0))
                .allSatisfy(archive -> assertThat(archive).matches("classes-.*\\.jsa"));

        // -Xshare:on makes the JVM refuse to start unless the archive maps: it is valid and used.
        Map<String, String> strict = new HashMap<>(cds);
        strict.put("AUDIO_PIPELINE_JAVA_OPTS", javaOptions() + " -Xshare:on");
        ProcessRun mapped = launch(List.of("doctor", "--master", "local[1]"), strict);
        assertThat(mapped.exitCode()).as(mapped.toString()).isZero();
        assertThat(mapped.out()).contains("all checks passed on 1 executor(s)");
        assertThat(mapped.errLines()).containsExactly("WARNING: Using incubator modules: jdk.incubator.vector");

        // Java 17 crashes when a flight recording from start-up meets archived classes: the launcher leaves the
        // archive out then.
        Map<String, String> recorded = new HashMap<>(cds);
        recorded.put("AUDIO_PIPELINE_JAVA_OPTS",
                javaOptions() + " -XX:StartFlightRecording=filename=" + work.resolve("doctor.jfr"));
        ProcessRun flight = launch(List.of("doctor", "--master", "local[1]"), recorded);
        assertThat(flight.exitCode()).as(flight.toString()).isZero();
        assertThat(flight.out()).contains("all checks passed on 1 executor(s)");
    }

    private ProcessRun launch(List<String> args) {
        return launch(args, Map.of());
    }

    private ProcessRun launch(List<String> args, Map<String, String> extraEnvironment) {
        return ProductLauncher.run(work, args, extraEnvironment);
    }

    private static String javaOptions() {
        return ProductLauncher.javaOptions();
    }
}
