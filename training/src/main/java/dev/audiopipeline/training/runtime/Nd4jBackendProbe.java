package dev.audiopipeline.training.runtime;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Checks that ND4J's native CPU backend loads in this JVM and computes correctly: the first thing that breaks
 * when a cluster lacks the Linux x86-64 natives or a writable JavaCPP cache.
 */
public final class Nd4jBackendProbe {

    private Nd4jBackendProbe() {}

    /** What the probe found: the backend's name and BLAS, or why it failed. */
    public record Result(boolean ok, String detail) {}

    public static Result run() {
        try {
            INDArray a = Nd4j.create(new float[] {1, 2, 3, 4}, new long[] {2, 2});
            INDArray product = a.mmul(a); // [[7, 10], [15, 22]]
            float checksum = product.sumNumber().floatValue();
            if (checksum != 54f) {
                return new Result(false, "2x2 matrix product summed to " + checksum + ", expected 54");
            }
            String backend = Nd4j.getBackend().getClass().getSimpleName();
            org.nd4j.linalg.api.blas.Blas blas = Nd4j.factory().blas();
            return new Result(true, backend + " (" + blas.getBlasVendor() + ", " + blas.getMaxThreads()
                    + " BLAS threads)");
        } catch (Throwable e) { // UnsatisfiedLinkError and friends are exactly what this probe is for
            return new Result(false, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
