package dev.audiopipeline.features.reference;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal reader for the reference NumPy files: version 1/2/3 headers, little-endian float32 ({@code <f4}) or
 * float64 ({@code <f8}), C or Fortran order (the reference's contrast.npy is float64 and stft_mag.npy is in
 * Fortran order, although its README says float32).
 */
public final class Npy {

    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    private final int[] shape;
    private final double[] data;

    private final boolean fortranOrder;

    private Npy(int[] shape, double[] data, boolean fortranOrder) {
        this.fortranOrder = fortranOrder;
        this.shape = shape;
        this.data = data;
    }

    public static Npy read(Path path) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[6];
        buf.get(magic);
        if (magic[0] != (byte) 0x93 || !new String(magic, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new IOException(path + " is not a .npy file");
        }
        int major = buf.get();
        buf.get(); // minor
        int headerLength = major == 1 ? Short.toUnsignedInt(buf.getShort()) : buf.getInt();
        byte[] header = new byte[headerLength];
        buf.get(header);
        String text = new String(header, StandardCharsets.ISO_8859_1);
        boolean f4 = text.contains("'descr': '<f4'");
        boolean f8 = text.contains("'descr': '<f8'");
        if (!(f4 || f8)) {
            throw new IOException(path + ": only little-endian float32/float64 is supported, header " + text);
        }
        boolean fortran = text.contains("'fortran_order': True");
        Matcher m = SHAPE.matcher(text);
        if (!m.find()) {
            throw new IOException(path + ": no shape in header " + text);
        }
        String[] parts = m.group(1).split(",");
        int count = 0;
        int[] dims = new int[parts.length];
        for (String part : parts) {
            if (!part.isBlank()) {
                dims[count++] = Integer.parseInt(part.trim());
            }
        }
        int[] shape = java.util.Arrays.copyOf(dims, count);
        int total = 1;
        for (int d : shape) {
            total *= d;
        }
        double[] data = new double[total];
        for (int i = 0; i < total; i++) {
            data[i] = f4 ? buf.getFloat() : buf.getDouble();
        }
        return new Npy(shape, data, fortran);
    }

    public int[] shape() {
        return shape.clone();
    }

    /** A 1-D array as float32 (the input samples {@code y.npy} are float32, so this is exact). */
    public float[] floatVector() {
        if (shape.length != 1) {
            throw new IllegalStateException("not 1-D: " + java.util.Arrays.toString(shape));
        }
        float[] out = new float[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = (float) data[i];
        }
        return out;
    }

    /** A 2-D array of librosa orientation (features, frames), returned transposed as [frame][feature]. */
    public double[][] framesByFeatures() {
        if (shape.length != 2) {
            throw new IllegalStateException("not 2-D: " + java.util.Arrays.toString(shape));
        }
        int rows = shape[0];
        int cols = shape[1];
        double[][] out = new double[cols][rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c][r] = fortranOrder ? data[c * rows + r] : data[r * cols + c];
            }
        }
        return out;
    }
}
