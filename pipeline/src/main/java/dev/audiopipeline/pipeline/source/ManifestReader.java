package dev.audiopipeline.pipeline.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a manifest: UTF-8 CSV with a header naming the columns {@code path} and {@code label}, optionally
 * {@code split} ({@code train} or {@code test}; empty means "assign one"); fields may be quoted ("a, b.wav", with
 * "" for a quote). Paths are absolute URIs, absolute paths on the manifest's filesystem, or relative to the
 * manifest's folder. An empty label means unlabeled. Mistakes stop the listing with the manifest's name and line:
 * a missing column, a bad split, a path listed twice.
 */
public final class ManifestReader {

    /** One manifest line. {@code split} is null when the manifest leaves it to {@link TrackSplit}. */
    public record Entry(int line, String path, String label, Split split) {}

    private ManifestReader() {}

    public static List<Entry> read(InputStream in, String name) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null) {
            throw new IllegalArgumentException(name + ": empty manifest (expected a header 'path,label[,split]')");
        }
        List<String> columns = fields(stripBom(header), name, 1);
        int pathColumn = column(columns, "path", name);
        int labelColumn = column(columns, "label", name);
        int splitColumn = columns.indexOf("split");
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        String text;
        int line = 1;
        while ((text = reader.readLine()) != null) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            List<String> fields = fields(text, name, line);
            if (fields.size() < columns.size()) {
                throw new IllegalArgumentException(name + ":" + line + ": " + fields.size() + " fields, the header has "
                        + columns.size());
            }
            String path = fields.get(pathColumn).trim();
            if (path.isEmpty()) {
                throw new IllegalArgumentException(name + ":" + line + ": empty path");
            }
            Integer earlier = firstLine.putIfAbsent(path, line);
            if (earlier != null) {
                throw new IllegalArgumentException(name + ":" + line + ": '" + path + "' is listed twice (first on line "
                        + earlier + ")");
            }
            String label = fields.get(labelColumn).trim();
            Split split = null;
            if (splitColumn >= 0 && !fields.get(splitColumn).isBlank()) {
                try {
                    split = Split.parse(fields.get(splitColumn));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(name + ":" + line + ": " + e.getMessage());
                }
            }
            entries.add(new Entry(line, path, label.isEmpty() ? null : label, split));
        }
        return entries;
    }

    private static int column(List<String> columns, String wanted, String name) {
        int index = columns.indexOf(wanted);
        if (index < 0) {
            throw new IllegalArgumentException(name + ":1: the header has no '" + wanted + "' column (it has "
                    + columns + "; expected path,label[,split])");
        }
        return index;
    }

    /** Splits one CSV line (RFC 4180 quoting; no line breaks inside fields). */
    static List<String> fields(String line, String name, int lineNumber) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(name + ":" + lineNumber + ": unterminated quote");
        }
        fields.add(field.toString());
        return fields;
    }

    private static String stripBom(String header) {
        String withoutBom = header.startsWith("\uFEFF") ? header.substring(1) : header;
        return withoutBom.toLowerCase(Locale.ROOT);
    }
}
