package dev.audiopipeline.features;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reading a settings map back (as {@code asMap()} wrote it, e.g. from a JSON file): typed values by name, and the
 * check that the settings rebuilt from it describe themselves with exactly the same map, so that a map from another
 * version (another convention, a parameter this one does not know, or lacks) is refused rather than misread.
 */
public final class SettingsMaps {

    private SettingsMaps() {}

    /**
     * @throws IllegalArgumentException naming the entry when it is missing or not an integer
     */
    public static int integer(Map<String, ?> map, String name) {
        Object value = present(map, name);
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return Math.toIntExact(n.longValue());
        }
        throw new IllegalArgumentException("settings entry " + name + " must be an integer, got " + value);
    }

    /** A long integer (seeds). */
    public static long longInteger(Map<String, ?> map, String name) {
        Object value = present(map, name);
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        throw new IllegalArgumentException("settings entry " + name + " must be an integer, got " + value);
    }

    public static double number(Map<String, ?> map, String name) {
        Object value = present(map, name);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if ("Infinity".equals(value) || "-Infinity".equals(value) || "NaN".equals(value)) {
            return Double.parseDouble((String) value); // JSON has none of these; Jackson writes them as strings
        }
        throw new IllegalArgumentException("settings entry " + name + " must be a number, got " + value);
    }

    /** A number, or null for an entry whose value is null (Python's None). */
    public static Double numberOrNull(Map<String, ?> map, String name) {
        present(map, name);
        return map.get(name) == null ? null : number(map, name);
    }

    public static boolean bool(Map<String, ?> map, String name) {
        Object value = present(map, name);
        if (value instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("settings entry " + name + " must be true or false, got " + value);
    }

    public static String text(Map<String, ?> map, String name) {
        Object value = present(map, name);
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("settings entry " + name + " must be text, got " + value);
    }

    /**
     * Checks that {@code rebuilt} (settings made from {@code map}'s values) describes itself exactly as {@code map}
     * does: same entries, same values (numbers compared by value).
     *
     * @throws IllegalArgumentException naming each entry that differs, is missing, or is unknown to this version
     */
    public static void requireSame(Map<String, ?> map, Map<String, Object> rebuilt, String what) {
        Set<String> names = new LinkedHashSet<>(rebuilt.keySet());
        names.addAll(map.keySet());
        List<String> differences = new ArrayList<>();
        for (String name : names) {
            if (!map.containsKey(name)) {
                differences.add(name + " missing (this version computes " + name + "=" + rebuilt.get(name) + ")");
            } else if (!rebuilt.containsKey(name)) {
                differences.add(name + "=" + map.get(name) + " unknown to this version");
            } else if (!sameValue(map.get(name), rebuilt.get(name))) {
                differences.add(name + ": given " + map.get(name) + ", this version " + rebuilt.get(name));
            }
        }
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException(what + " cannot be read by this version: "
                    + String.join("; ", differences));
        }
    }

    private static boolean sameValue(Object a, Object b) {
        if (b instanceof Double && ("Infinity".equals(a) || "-Infinity".equals(a) || "NaN".equals(a))) {
            a = Double.valueOf((String) a); // JSON writers spell these as strings
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            return x.keySet().equals(y.keySet()) && x.keySet().stream().allMatch(k -> sameValue(x.get(k), y.get(k)));
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!sameValue(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    private static Object present(Map<String, ?> map, String name) {
        if (!map.containsKey(name)) {
            throw new IllegalArgumentException("settings entry " + name + " is missing");
        }
        return map.get(name);
    }
}
