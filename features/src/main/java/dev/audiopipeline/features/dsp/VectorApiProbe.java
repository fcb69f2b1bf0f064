package dev.audiopipeline.features.dsp;

/**
 * Checks once whether the Vector API can be used: the module must be in the boot layer, and its preferred double
 * species at least 256 bits (with less, vectors are emulated in Java and far slower than scalar code). Touches
 * {@code jdk.incubator.vector} classes only after finding the module, so it never fails to load.
 */
final class VectorApiProbe {

    private static final String REASON = probe();

    private VectorApiProbe() {
    }

    /** Null when usable, else why not. */
    static String reason() {
        return REASON;
    }

    private static String probe() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return "the JVM was started without --add-modules jdk.incubator.vector";
        }
        int bits = PreferredSpecies.doubleBits();
        return bits >= 256 ? null : "the CPU's preferred vectors are " + bits + " bits, fewer than 256";
    }

    /** Separate class: loaded only once the module is known to be present. */
    private static final class PreferredSpecies {
        static int doubleBits() {
            return jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.vectorBitSize();
        }
    }
}
