package dev.audiopipeline.training.baselines;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Baseline settings from text: {@link BaselineSettings#asMap()}'s keys, each value as written in a settings file or
 * a bundle ({@code 500}, {@code 0.001}, {@code sqrt}, {@code 256,128} or {@code [256, 128]}); a key left out keeps its
 * default. The record then checks every value against its rule.
 */
public final class BaselineSettingsText {
    private BaselineSettingsText() {
    }

    /**
     * @throws IllegalArgumentException for a key {@code kind} does not have (naming the keys it has) or a value that
     *     is not a number where one is expected; {@link dev.audiopipeline.features.InvalidParameterException} for a
     *     value its rule refuses
     */
    public static BaselineSettings parse(BaselineKind kind, Map<String, ?> values) {
        Map<String, Object> merged = new LinkedHashMap<>(BaselineSettings.defaults(kind).asMap());
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            Object current = merged.get(entry.getKey());
            if (current == null) {
                throw new IllegalArgumentException(kind.cliName() + " has no setting '" + entry.getKey()
                        + "'; its settings are " + new TreeSet<>(merged.keySet()));
            }
            merged.put(entry.getKey(), convert(kind, entry.getKey(), String.valueOf(entry.getValue()).trim(), current));
        }
        return switch (kind) {
            case RF -> new RandomForestSettings(integer(merged, "trees"), integer(merged, "max-depth"),
                    integer(merged, "min-instances-per-node"), text(merged, "feature-subset"),
                    number(merged, "subsampling-rate"), integer(merged, "max-bins"));
            case LOGREG -> new LogisticRegressionSettings(number(merged, "reg-param"), number(merged, "elastic-net"),
                    integer(merged, "max-iter"), number(merged, "tol"));
            case SVM -> new LinearSvmSettings(number(merged, "reg-param"), integer(merged, "max-iter"),
                    number(merged, "tol"), number(merged, "calibration-share"), integer(merged, "parallelism"));
            case MLP -> new MlpSettings(integers(merged, "hidden-layers"), integer(merged, "max-iter"),
                    number(merged, "tol"), integer(merged, "block-size"));
            case GBT -> new GbtSettings(integer(merged, "iterations"), integer(merged, "max-depth"),
                    number(merged, "step-size"), number(merged, "subsampling-rate"), text(merged, "feature-subset"),
                    integer(merged, "min-instances-per-node"), integer(merged, "max-bins"),
                    integer(merged, "parallelism"));
        };
    }

    private static Object convert(BaselineKind kind, String key, String value, Object like) {
        try {
            if (like instanceof Integer) {
                return Integer.valueOf(value);
            }
            if (like instanceof Double) {
                return Double.valueOf(value);
            }
            if (like instanceof List) {
                List<Integer> sizes = new ArrayList<>();
                for (String size : value.replace("[", "").replace("]", "").split(",")) {
                    sizes.add(Integer.valueOf(size.trim()));
                }
                return sizes;
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(kind.cliName() + "." + key + " must be "
                    + (like instanceof List ? "a list of whole numbers" : like instanceof Integer ? "a whole number"
                    : "a number") + ", got '" + value + "'");
        }
    }

    private static int integer(Map<String, Object> values, String key) {
        return (Integer) values.get(key);
    }

    private static double number(Map<String, Object> values, String key) {
        return (Double) values.get(key);
    }

    private static String text(Map<String, Object> values, String key) {
        return (String) values.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> integers(Map<String, Object> values, String key) {
        return (List<Integer>) values.get(key);
    }
}
