package dev.audiopipeline.features;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;

/**
 * The skeleton of a settings object whose values travel with the data it shaped ({@link FeatureSettings}, the
 * augmentation settings): immutable and validated when built, changed through a copy of its builder, described by
 * an ordered map under stable names, and identified by the SHA-256 of that map's canonical text
 * ({@link CanonicalSettings}). Two settings are equal when their maps are.
 *
 * <p>A subclass keeps its values in its builder type: the settings hold a private copy of the builder they were
 * built from ({@link #values}), so every parameter is declared once, as a builder field with its default.
 *
 * @param <B> the builder
 */
public abstract class HashedSettings<B extends HashedSettings.Builder<?, B>> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The values, a copy of the builder's at {@code build()}: never handed out, never changed. */
    protected final B values;
    private final Map<String, Object> map;
    private final String hash;

    protected HashedSettings(B builder) {
        this.values = builder.copy();
        validate();
        this.map = Collections.unmodifiableMap(describe());
        this.hash = CanonicalSettings.hash(map);
    }

    /**
     * Checks the values (called once, while constructing: only {@link #values} may be read).
     *
     * @throws InvalidParameterException naming the parameter at fault
     */
    protected abstract void validate();

    /** Every value and fixed convention, in a stable order, under stable names (a new ordered map). */
    protected abstract Map<String, Object> describe();

    /** A builder starting from these settings. */
    public B toBuilder() {
        return values.copy();
    }

    /** Every value and fixed convention, in a stable order. Unmodifiable. */
    public Map<String, Object> asMap() {
        return map;
    }

    /** One {@code name=value} line per entry of {@link #asMap()}, in its order; doubles in Java's shortest repr. */
    public String canonicalText() {
        return CanonicalSettings.text(map);
    }

    /** SHA-256 (lowercase hex) of {@link #canonicalText()}: stable across JVMs and runs. */
    public String hash() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((HashedSettings<?>) o).map.equals(map);
    }

    @Override
    public int hashCode() {
        return map.hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + map;
    }

    /**
     * A mutable builder whose field initialisers are the defaults; {@link #copy()} is a field-by-field copy, so
     * its fields must be primitives or immutable values.
     *
     * @param <S> the settings it builds
     * @param <B> itself
     */
    public abstract static class Builder<S, B extends Builder<S, B>> implements Cloneable, Serializable {
        private static final long serialVersionUID = 1L;

        /** An independent copy of this builder. */
        @SuppressWarnings("unchecked")
        public B copy() {
            try {
                return (B) clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }

        /**
         * @throws InvalidParameterException naming the parameter at fault
         */
        public abstract S build();
    }
}
