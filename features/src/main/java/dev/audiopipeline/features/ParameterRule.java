package dev.audiopipeline.features;

import java.io.Serializable;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * What one parameter accepts, declared once: the settings class that owns the parameter enforces it
 * ({@link #require}), and everything that takes the parameter from users (the jobs' settings registry, Spark ML
 * params) describes and checks it with the same rule, and names its own key or param when the rule is broken
 * ({@link InvalidParameterException#rule()}). Numbers must also be finite.
 *
 * <p>Messages read {@code "<name> must be <expectation>, got <value>"}, e.g. {@code "n_fft must be in [16, 65536],
 * got 8"}.
 *
 * @param <T> the value type
 */
public final class ParameterRule<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A serializable test, so that settings holding rules travel to executors. */
    @FunctionalInterface
    public interface Test<T> extends Predicate<T>, Serializable {}

    private final String name;
    private final Test<T> test;
    private final String expectation;

    private ParameterRule(String name, Test<T> test, String expectation) {
        this.name = name;
        this.test = test;
        this.expectation = expectation;
    }

    /** Any rule: {@code expectation} completes "must be ..." (e.g. "odd and >= 3"). */
    public static <T> ParameterRule<T> of(String name, Test<T> test, String expectation) {
        return new ParameterRule<>(name, test, expectation);
    }

    /** An integer in {@code [min, max]}. */
    public static ParameterRule<Integer> intIn(String name, int min, int max) {
        return of(name, v -> v >= min && v <= max, "in [" + min + ", " + max + "]");
    }

    /** An integer {@code > 0}. */
    public static ParameterRule<Integer> positiveInt(String name) {
        return of(name, v -> v > 0, "> 0");
    }

    /** A finite number {@code > 0}. */
    public static ParameterRule<Double> positive(String name) {
        return of(name, v -> v > 0, "> 0");
    }

    /** A finite number {@code >= 0}. */
    public static ParameterRule<Double> nonNegative(String name) {
        return of(name, v -> v >= 0, ">= 0");
    }

    /** A finite number between {@code min} and {@code max}, each bound open or closed as said. */
    public static ParameterRule<Double> between(String name, double min, boolean minClosed, double max,
                                                boolean maxClosed) {
        return of(name, v -> (minClosed ? v >= min : v > min) && (maxClosed ? v <= max : v < max),
                "in " + (minClosed ? "[" : "(") + number(min) + ", " + number(max) + (maxClosed ? "]" : ")"));
    }

    /** Any finite number. */
    public static ParameterRule<Double> finite(String name) {
        return of(name, v -> true, "finite");
    }

    public String name() {
        return name;
    }

    /** What a valid value is, e.g. {@code "in [16, 65536]"} or {@code "> 0"}. */
    public String expectation() {
        return expectation;
    }

    /** Whether {@code value} is valid (never for null or, for numbers, a NaN or infinite value). */
    public boolean accepts(T value) {
        return value != null && finite(value) && test.test(value);
    }

    /**
     * Returns {@code value} if valid.
     *
     * @throws InvalidParameterException naming the parameter, what it must be and the value given
     */
    public T require(T value) {
        if (value != null && !finite(value)) {
            throw fail(value, "finite");
        }
        if (!accepts(value)) {
            throw fail(value, expectation);
        }
        return value;
    }

    /** The error for a value that breaks a condition tying it to other parameters (e.g. "<= n_mels=128"). */
    public InvalidParameterException fail(Object value, String expected) {
        return new InvalidParameterException(this, name + " must be " + expected + ", got " + value);
    }

    @Override
    public String toString() {
        return name + " " + expectation;
    }

    private static boolean finite(Object value) {
        return !(value instanceof Double) || Double.isFinite((Double) value);
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.format(Locale.ROOT, "%d", (long) value) : Double.toString(value);
    }
}
