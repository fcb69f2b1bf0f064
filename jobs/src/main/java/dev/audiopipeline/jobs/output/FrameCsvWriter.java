package dev.audiopipeline.jobs.output;

import dev.audiopipeline.features.Feature;
import dev.audiopipeline.features.FeatureResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes per-frame features as CSV: a header row ({@code frame} then each feature's column names), one row per
 * frame. Values are printed as Java's shortest decimal that reads back as the same float32 (like NumPy's
 * {@code %.9g} files, exact). A file is written to a temporary sibling and moved into place, so a failure never
 * leaves a partial CSV behind.
 */
public final class FrameCsvWriter {

    private FrameCsvWriter() {}

    /** Writes to {@code target}, a path or {@code -} for standard output. */
    public static void write(String target, List<Feature> features, FeatureResult result) throws IOException {
        if (target.equals("-")) {
            Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            write(out, features, result);
            out.flush();
            return;
        }
        Path path = Path.of(target).toAbsolutePath();
        Path dir = path.getParent();
        Files.createDirectories(dir);
        Path temporary = Files.createTempFile(dir, "." + path.getFileName(), ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                write(out, features, result);
            }
            try {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static void write(Writer out, List<Feature> features, FeatureResult result) throws IOException {
        StringBuilder line = new StringBuilder("frame");
        float[][][] matrices = new float[features.size()][][];
        for (int f = 0; f < features.size(); f++) {
            matrices[f] = result.get(features.get(f));
            for (String name : features.get(f).columnNames(result.settings())) {
                line.append(',').append(name);
            }
        }
        out.write(line.append('\n').toString());
        for (int frame = 0; frame < result.frameCount(); frame++) {
            line.setLength(0);
            line.append(frame);
            for (float[][] matrix : matrices) {
                for (float value : matrix[frame]) {
                    line.append(',').append(value);
                }
            }
            out.write(line.append('\n').toString());
        }
    }
}
