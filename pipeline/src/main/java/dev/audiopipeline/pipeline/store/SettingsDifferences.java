package dev.audiopipeline.pipeline.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Which settings differ between two settings documents (as stored in JSON, or as {@code asMap()} gives them), by
 * dotted name: {@code features.n_mfcc: stored 13, this run 20}. What extract, train, evaluate and score say when
 * they refuse features or a model computed with other settings.
 */
public final class SettingsDifferences {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SettingsDifferences() {}

    /**
     * @param stored the settings the data or model was made with
     * @param wanted the settings of this run (a map, a record Jackson can write, or a JsonNode)
     * @return one entry per differing setting; empty when they are the same
     */
    public static List<String> between(Object stored, Object wanted) {
        List<String> out = new ArrayList<>();
        collect("", tree(stored), tree(wanted), out);
        return out;
    }

    /** Through text, as a stored file went: valueToTree would keep a long 42 apart from the int 42 read back. */
    private static JsonNode tree(Object value) {
        try {
            return JSON.readTree(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("settings cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    private static void collect(String prefix, JsonNode stored, JsonNode wanted, List<String> out) {
        if (stored.isObject() && wanted.isObject()) {
            List<String> names = new ArrayList<>();
            stored.fieldNames().forEachRemaining(names::add);
            wanted.fieldNames().forEachRemaining(name -> {
                if (!names.contains(name)) {
                    names.add(name);
                }
            });
            for (String name : names) {
                JsonNode a = stored.get(name);
                JsonNode b = wanted.get(name);
                if (a == null || b == null || !a.equals(b)) {
                    if (a != null && b != null && a.isObject() && b.isObject()) {
                        collect(prefix + name + ".", a, b, out);
                    } else if (a != null && b != null && a.isArray()) {
                        out.add(prefix + name + " differ");
                    } else {
                        out.add(prefix + name + ": stored " + a + ", this run " + b);
                    }
                }
            }
        } else if (!stored.equals(wanted)) {
            out.add(prefix + ": stored " + stored + ", this run " + wanted);
        }
    }
}
