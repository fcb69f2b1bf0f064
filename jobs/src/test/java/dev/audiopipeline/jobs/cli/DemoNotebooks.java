package dev.audiopipeline.jobs.cli;

import dev.audiopipeline.jobs.ProjectRoot;
import dev.audiopipeline.jobs.launcher.ProcessRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Executes the checkout's {@code notebooks/demo_*.ipynb} against a demo's output with {@code jupyter nbconvert
 * --execute}, as CI does, so that they cannot rot. Jupyter is {@code $AUDIO_PIPELINE_JUPYTER}, else the one in
 * the venv that {@code .ci/run} and README's "Notebooks" make ({@code ~/.cache/audio-pipeline/notebook-venv}).
 * Without either the test is skipped, unless {@code CI} or {@code AUDIO_PIPELINE_JUPYTER} is set: then a missing
 * Jupyter fails it. Jupyter's, IPython's and matplotlib's own files go under the given scratch directory.
 */
final class DemoNotebooks {

    static final String JUPYTER = "AUDIO_PIPELINE_JUPYTER";
    /** Per cell; the whole of one notebook takes seconds. */
    private static final int CELL_TIMEOUT_SECONDS = 120;
    private static final long NOTEBOOK_TIMEOUT_SECONDS = 300;

    private DemoNotebooks() {}

    /** The notebooks that read a demo's output, by name. */
    static List<Path> notebooks() throws IOException {
        try (Stream<Path> files = Files.list(ProjectRoot.get().resolve("notebooks"))) {
            return files.filter(f -> f.getFileName().toString().matches("demo_.*\\.ipynb")).sorted().toList();
        }
    }

    /**
     * Executes each notebook with {@code AUDIO_PIPELINE_DEMO=demo}, its executed copy written under {@code scratch},
     * and fails with every failing notebook's error (the cell and its traceback) once all have run.
     */
    static void execute(Path demo, Path scratch) throws IOException {
        Path jupyter = jupyter();
        Map<String, String> environment = new HashMap<>();
        environment.put("AUDIO_PIPELINE_DEMO", demo.toString());
        environment.put("JUPYTER_PLATFORM_DIRS", "1");
        for (String dir : List.of("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "IPYTHONDIR", "MPLCONFIGDIR")) {
            environment.put(dir, Files.createDirectories(scratch.resolve(dir.toLowerCase(Locale.ROOT))).toString());
        }
        List<String> failures = new ArrayList<>();
        for (Path notebook : notebooks()) {
            long start = System.nanoTime();
            ProcessRun run = ProcessRun.run(List.of(jupyter.toString(), "nbconvert", "--to", "notebook", "--execute",
                    "--ExecutePreprocessor.timeout=" + CELL_TIMEOUT_SECONDS,
                    "--ExecutePreprocessor.kernel_name=python3",
                    "--output-dir", scratch.resolve("executed").toString(), notebook.toString()),
                    environment, scratch, NOTEBOOK_TIMEOUT_SECONDS);
            System.out.printf(Locale.ROOT, "notebook %s executed in %.1f s, exit %d%n", notebook.getFileName(),
                    (System.nanoTime() - start) / 1e9, run.exitCode());
            if (run.exitCode() != 0) {
                failures.add(notebook.getFileName() + " failed (exit " + run.exitCode() + "):\n"
                        + run.err().replaceAll("\u001B\\[[0-9;]*m", ""));
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("\n\n", failures));
        }
    }

    /** Jupyter's executable, or the test skipped (a developer's machine without the venv), or failed (CI). */
    static Path jupyter() {
        String configured = System.getenv(JUPYTER);
        Path venv = Path.of(System.getProperty("user.home"), ".cache/audio-pipeline/notebook-venv/bin/jupyter");
        Path jupyter = configured != null && !configured.isBlank() ? Path.of(configured) : venv;
        if (Files.isExecutable(jupyter)) {
            return jupyter;
        }
        String ci = System.getenv("CI");
        boolean required = configured != null || (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false"));
        String missing = "no Jupyter at " + jupyter + " to execute notebooks/demo_*.ipynb: make the venv as README's "
                + "\"Notebooks\" says (.ci/run does) or set " + JUPYTER;
        if (required) {
            throw new AssertionError(missing + (configured != null ? "" : " (required because CI=" + ci + ")"));
        }
        return Assumptions.abort(missing + "; skipped (CI and " + JUPYTER + " are not set)");
    }
}
