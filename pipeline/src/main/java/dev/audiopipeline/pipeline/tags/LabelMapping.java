package dev.audiopipeline.pipeline.tags;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;

/**
 * From tag spellings to a model's labels. A genre maps to a label when
 * <ol>
 *   <li>the mapping file lists its spelling ({@code Hip-Hop = hiphop}), compared as {@link GenreKey}s (case,
 *       spaces, {@code -}, {@code _} and Unicode forms folded): the file's label, if the model has it;
 *   <li>otherwise, its key equals a label's key ({@code Hip Hop} is the label {@code hiphop}, {@code ROCK} is
 *       {@code rock}).
 * </ol>
 * Nothing else: a genre that maps to no label is reported as unmapped, never guessed. A stored value that held
 * several genres ({@code Rock/Pop}) or an ID3 number ({@code (17)}) is looked up whole in the mapping file first,
 * so the file can map {@code R&B/Soul = rnb} before the value is split.
 *
 * <p>The mapping file: UTF-8 text, one {@code spelling = label} a line, {@code #} starting a comment line, blank
 * lines ignored; the last {@code =} of a line separates. A spelling listed twice with different labels is an
 * error naming both lines.
 */
public final class LabelMapping implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> labelBySpelling;

    private LabelMapping(Map<String, String> labelBySpelling) {
        this.labelBySpelling = Map.copyOf(labelBySpelling);
    }

    /** No file: genres match labels directly only. */
    public static LabelMapping none() {
        return new LabelMapping(Map.of());
    }

    /** Reads a mapping file from the local filesystem. */
    public static LabelMapping load(Path file) throws IOException {
        return parse(decode(Files.readAllBytes(file), file.toString()), file.toString());
    }

    /** Reads a mapping file from any Hadoop filesystem ({@code hdfs://}, {@code s3a://}, {@code file:}). */
    public static LabelMapping load(Configuration conf, String uri) throws IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
        try (InputStream in = path.getFileSystem(conf).open(path)) {
            return parse(decode(in.readAllBytes(), uri), uri);
        }
    }

    /**
     * Parses mapping-file text.
     *
     * @param origin the file's name, for errors
     * @throws IllegalArgumentException naming the origin and line of a malformed or contradicting line
     */
    public static LabelMapping parse(String text, String origin) {
        Map<String, String> labels = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.lastIndexOf('=');
            String spelling = equals < 0 ? "" : line.substring(0, equals).strip();
            String label = equals < 0 ? "" : line.substring(equals + 1).strip();
            if (spelling.isEmpty() || label.isEmpty()) {
                throw new IllegalArgumentException(origin + ":" + (i + 1) + ": expected 'spelling = label', got '"
                        + line + "'");
            }
            String key = GenreKey.of(spelling);
            String earlier = labels.putIfAbsent(key, label);
            if (earlier != null && !GenreKey.of(earlier).equals(GenreKey.of(label))) {
                throw new IllegalArgumentException(origin + ":" + (i + 1) + ": '" + spelling + "' maps to '" + label
                        + "', but line " + lineOf.get(key) + " maps the same spelling to '" + earlier + "'");
            }
            lineOf.putIfAbsent(key, i + 1);
        }
        return new LabelMapping(labels);
    }

    /** Every spelling (case-folded as it is matched) and the label it maps to, sorted: what a run records. */
    public java.util.SortedMap<String, String> entries() {
        return new java.util.TreeMap<>(labelBySpelling);
    }

    /** The labels the file maps to that {@code labels} lacks (worth a warning: those genres stay unmapped). */
    public List<String> targetsMissingFrom(List<String> labels) {
        Map<String, String> byKey = labelsByKey(labels);
        Set<String> missing = new LinkedHashSet<>();
        labelBySpelling.values().stream().sorted()
                .filter(target -> !byKey.containsKey(GenreKey.of(target)))
                .forEach(missing::add);
        return List.copyOf(missing);
    }

    /**
     * {@code tags} in the terms of a model whose labels are {@code labels}.
     *
     * @throws IllegalArgumentException if two labels are the same key (e.g. {@code hip-hop} and {@code hiphop})
     */
    public MappedTag map(ExistingTags tags, List<String> labels) {
        Map<String, String> byKey = labelsByKey(labels);
        Set<String> found = new LinkedHashSet<>();
        List<String> unmapped = new ArrayList<>();
        for (String raw : tags.rawValues()) {
            List<GenreTag> genres = tags.genres().stream().filter(genre -> genre.raw().equals(raw)).toList();
            boolean asStored = genres.size() == 1 && genres.get(0).genre().equals(raw);
            String whole = asStored ? null : labelBySpelling.get(GenreKey.of(raw));
            if (whole != null) {
                addOrReport(byKey.get(GenreKey.of(whole)), raw, found, unmapped);
                continue;
            }
            for (GenreTag genre : genres) {
                addOrReport(label(genre.genre(), byKey), genre.genre(), found, unmapped);
            }
        }
        return new MappedTag(tags.source(), tags.rawValues(), List.copyOf(found), unmapped);
    }

    private String label(String genre, Map<String, String> byKey) {
        String key = GenreKey.of(genre);
        String listed = labelBySpelling.get(key);
        return listed != null ? byKey.get(GenreKey.of(listed)) : byKey.get(key);
    }

    private static void addOrReport(String label, String genre, Set<String> found, List<String> unmapped) {
        if (label != null) {
            found.add(label);
        } else if (!unmapped.contains(genre)) {
            unmapped.add(genre);
        }
    }

    private static Map<String, String> labelsByKey(List<String> labels) {
        Map<String, String> byKey = new HashMap<>();
        for (String label : labels) {
            String other = byKey.putIfAbsent(GenreKey.of(label), label);
            if (other != null && !other.equals(label)) {
                throw new IllegalArgumentException("labels '" + other + "' and '" + label
                        + "' cannot be told apart in tags (case, spaces, '-' and '_' are ignored)");
            }
        }
        return byKey;
    }

    private static String decode(byte[] bytes, String origin) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString().replace("\uFEFF", "");
        } catch (CharacterCodingException e) {
            throw new IOException(origin + ": not UTF-8 text", e);
        }
    }
}
