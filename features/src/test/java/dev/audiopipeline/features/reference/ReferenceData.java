package dev.audiopipeline.features.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the librosa golden files ({@code shared/reference}): the system property
 * {@code audiopipeline.reference.dir} if set, else {@code <ancestor>/shared/reference} or
 * {@code <ancestor>/../shared/reference} for every ancestor of the working directory. Fails (never skips) when
 * not found.
 */
public final class ReferenceData {

    public static final String PROPERTY = "audiopipeline.reference.dir";

    private ReferenceData() {
    }

    public static Path directory() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path dir = Paths.get(configured).toAbsolutePath().normalize();
            if (!Files.isRegularFile(dir.resolve("index.csv"))) {
                throw new AssertionError("-D" + PROPERTY + "=" + configured + " has no index.csv");
            }
            return dir;
        }
        Set<Path> tried = new LinkedHashSet<>();
        for (Path ancestor = Paths.get("").toAbsolutePath().normalize(); ancestor != null;
                ancestor = ancestor.getParent()) {
            for (Path candidate : List.of(ancestor.resolve("shared/reference"),
                    ancestor.resolve("../shared/reference"))) {
                Path normal = candidate.normalize();
                tried.add(normal);
                if (Files.isRegularFile(normal.resolve("index.csv"))) {
                    return normal;
                }
            }
        }
        throw new AssertionError("librosa reference directory not found: set -D" + PROPERTY
                + "=/path/to/shared/reference; tried " + tried);
    }

    /** One input of index.csv. */
    public record Input(String id, int nSamples, int nFrames, Set<String> files) {
        public Path dir() {
            return directory().resolve(id);
        }

        public Npy npy(String name) {
            try {
                return Npy.read(dir().resolve(name + ".npy"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /** Every input listed in index.csv (columns id,kind,source,n_samples,n_frames,files; source may be quoted). */
    public static List<Input> inputs() {
        try {
            List<String> lines = Files.readAllLines(directory().resolve("index.csv"));
            List<Input> inputs = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields = splitCsv(line);
                inputs.add(new Input(fields.get(0), Integer.parseInt(fields.get(3)), Integer.parseInt(fields.get(4)),
                        new LinkedHashSet<>(List.of(fields.get(5).trim().split("\\s+")))));
            }
            return inputs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> splitCsv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /** mel_filterbank.csv as [mel band][bin]: header {@code mel_band,bin0,...}, first column the band index. */
    public static float[][] melFilterbank() {
        try {
            List<String> lines = Files.readAllLines(directory().resolve("mel_filterbank.csv"));
            float[][] bank = new float[lines.size() - 1][];
            for (int r = 1; r < lines.size(); r++) {
                String[] parts = lines.get(r).split(",");
                float[] row = new float[parts.length - 1];
                for (int c = 1; c < parts.length; c++) {
                    row[c - 1] = Float.parseFloat(parts[c]);
                }
                bank[r - 1] = row;
            }
            return bank;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One entry of {@code more/index.json}: {@code set} ("features" or "settings"), {@code id} (its folder under
     * {@code more/<set>/}) and the other fields as JSON gave them (numbers as Double, null for None).
     */
    public record MoreEntry(String set, String id, Map<String, Object> fields) {
        public Path dir() {
            return directory().resolve("more").resolve(set).resolve(id);
        }

        public Npy npy(String name) {
            try {
                return Npy.read(dir().resolve(name + ".npy"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public Double number(String key) {
            if (!fields.containsKey(key)) {
                throw new AssertionError(id + ": no " + key + " in index.json");
            }
            return (Double) fields.get(key);
        }

        public boolean flag(String key) {
            return (Boolean) fields.get(key);
        }

        @Override
        public String toString() {
            return id;
        }
    }

    private static final Pattern OBJECT = Pattern.compile("\\{([^{}]*)\\}");
    private static final Pattern FIELD = Pattern.compile("\"([^\"]+)\"\\s*:\\s*(\"[^\"]*\"|[^,\\s]+)");

    /** The entries of {@code more/index.json} in {@code set} (a list of flat objects). */
    public static List<MoreEntry> more(String set) {
        try {
            String json = Files.readString(directory().resolve("more/index.json"));
            List<MoreEntry> entries = new ArrayList<>();
            Matcher object = OBJECT.matcher(json);
            while (object.find()) {
                Map<String, Object> fields = new LinkedHashMap<>();
                Matcher field = FIELD.matcher(object.group(1));
                while (field.find()) {
                    String value = field.group(2);
                    fields.put(field.group(1), value.startsWith("\"") ? value.substring(1, value.length() - 1)
                            : value.equals("null") ? null
                            : value.equals("true") || value.equals("false") ? (Object) Boolean.valueOf(value)
                            : (Object) Double.valueOf(value));
                }
                if (set.equals(fields.get("set"))) {
                    entries.add(new MoreEntry(set, (String) fields.get("id"), fields));
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
