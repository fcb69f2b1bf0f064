package dev.audiopipeline.training.datasets;

import dev.audiopipeline.training.networks.FeatureInput;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;

/**
 * Per-coefficient standardisation of each input a network reads, fitted on the training rows alone and stored in
 * the bundle: {@code (x - mean) / std} for each MFCC, log-mel band, contrast band (over every frame of every
 * training segment) and each statistic. A coefficient whose standard deviation is (nearly) zero is only centred;
 * a value that is not finite (a silent segment's NaN skew) becomes 0, the training mean.
 */
public final class Normaliser implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Standard deviations below this are taken as 1 (a constant coefficient is only centred). */
    static final double MIN_STD = 1e-8;

    private final Map<FeatureInput, Scale> scales;

    /** Mean and standard deviation per coefficient of one input. */
    public record Scale(double[] mean, double[] std) implements Serializable {
        public Scale {
            if (mean.length != std.length) {
                throw new IllegalArgumentException("normaliser: " + mean.length + " means, " + std.length + " stds");
            }
        }

        /** The standardised value of coefficient {@code c}; 0 for a value that is not finite. */
        public float apply(int c, double value) {
            return Double.isFinite(value) ? (float) ((value - mean[c]) / std[c]) : 0f;
        }
    }

    public Normaliser(Map<FeatureInput, Scale> scales) {
        this.scales = new EnumMap<>(scales);
    }

    /** Fits the scales of {@code inputs} on {@code training} (one pass, tree-aggregated). */
    public static Normaliser fit(JavaRDD<SegmentRow> training, List<FeatureInput> inputs) {
        List<FeatureInput> wanted = List.copyOf(inputs);
        List<Moments> none = new ArrayList<>();
        List<Moments> totals = training.treeAggregate(none, (moments, row) -> add(moments, row, wanted),
                Normaliser::merge);
        if (totals.isEmpty()) {
            throw new IllegalArgumentException("no training rows to fit the normaliser on");
        }
        Map<FeatureInput, Scale> scales = new EnumMap<>(FeatureInput.class);
        for (int i = 0; i < wanted.size(); i++) {
            scales.put(wanted.get(i), scale(totals.get(i), wanted.get(i)));
        }
        return new Normaliser(scales);
    }

    public Scale scale(FeatureInput input) {
        Scale scale = scales.get(input);
        if (scale == null) {
            throw new IllegalArgumentException("the normaliser has no scale for " + input.inputName());
        }
        return scale;
    }

    /** Coefficients of an input: columns of its matrix, or the statistics vector's length. */
    public int coefficients(FeatureInput input) {
        return scale(input).mean().length;
    }

    /** {@code {mfcc: {mean: [...], std: [...]}, ...}}, as the bundle stores it. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        scales.forEach((input, scale) -> map.put(input.inputName(),
                Map.of("mean", scale.mean(), "std", scale.std())));
        return map;
    }

    /**
     * @throws IllegalArgumentException naming what is missing or malformed
     */
    public static Normaliser fromMap(Map<String, ?> map) {
        Map<FeatureInput, Scale> scales = new EnumMap<>(FeatureInput.class);
        map.forEach((name, value) -> {
            FeatureInput input = FeatureInput.valueOf(name.toUpperCase(java.util.Locale.ROOT));
            if (!(value instanceof Map<?, ?> scale)) {
                throw new IllegalArgumentException("normaliser entry " + name + " is not an object");
            }
            scales.put(input, new Scale(numbers(scale.get("mean"), name + ".mean"),
                    numbers(scale.get("std"), name + ".std")));
        });
        return new Normaliser(scales);
    }

    private static double[] numbers(Object value, String name) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("normaliser entry " + name + " is not a list of numbers");
        }
        double[] numbers = new double[list.size()];
        for (int i = 0; i < numbers.length; i++) {
            if (!(list.get(i) instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                throw new IllegalArgumentException("normaliser entry " + name + "[" + i + "] is not a finite number");
            }
            numbers[i] = n.doubleValue();
        }
        return numbers;
    }

    private static List<Moments> add(List<Moments> moments, SegmentRow row, List<FeatureInput> inputs) {
        List<Moments> result = moments;
        if (result.isEmpty()) {
            result = new ArrayList<>();
            for (FeatureInput input : inputs) {
                result.add(new Moments(FeatureArrays.width(row, input)));
            }
        }
        for (int i = 0; i < inputs.size(); i++) {
            FeatureInput input = inputs.get(i);
            if (input == FeatureInput.STATS) {
                result.get(i).add(FeatureArrays.stats(row));
            } else {
                result.get(i).add(FeatureArrays.matrix(row, input));
            }
        }
        return result;
    }

    private static List<Moments> merge(List<Moments> a, List<Moments> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        for (int i = 0; i < a.size(); i++) {
            a.get(i).merge(b.get(i));
        }
        return a;
    }

    private static Scale scale(Moments moments, FeatureInput input) {
        int n = moments.count.length;
        double[] mean = new double[n];
        double[] std = new double[n];
        for (int c = 0; c < n; c++) {
            long count = moments.count[c];
            mean[c] = count == 0 ? 0 : moments.sum[c] / count;
            double variance = count == 0 ? 0 : Math.max(0, moments.sumOfSquares[c] / count - mean[c] * mean[c]);
            double deviation = Math.sqrt(variance);
            std[c] = deviation < MIN_STD ? 1 : deviation;
        }
        return new Scale(mean, std);
    }
}
