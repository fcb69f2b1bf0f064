package dev.audiopipeline.training.datasets;

import dev.audiopipeline.training.networks.FeatureInput;
import dev.audiopipeline.training.networks.NetworkKind;
import dev.audiopipeline.training.networks.TensorLayout;
import dev.audiopipeline.training.prediction.Labels;
import java.io.Serializable;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns segment rows into what a network of one kind reads: each input standardised ({@link Normaliser}) and laid
 * out as {@link NetworkKind#layout()} says (coefficients before frames: the transpose of the stored
 * {@code [frame][coefficient]}), several rows stacked into a minibatch, labels one-hot in the model's label order.
 * Every segment must have the frame count the model was built for.
 */
public final class ExampleEncoder implements Serializable {
    private static final long serialVersionUID = 1L;

    private final NetworkKind kind;
    private final Normaliser normaliser;
    private final int frames;
    private final Labels labels;

    /**
     * @param frames frames per segment (ignored by a network that reads only the statistics)
     */
    public ExampleEncoder(NetworkKind kind, Normaliser normaliser, int frames, Labels labels) {
        this.kind = kind;
        this.normaliser = normaliser;
        this.frames = frames;
        this.labels = labels;
        for (FeatureInput input : kind.inputs()) {
            normaliser.scale(input);
        }
    }

    /** The frames of the first matrix input of {@code row} (0 for a statistics-only network). */
    public static int framesOf(SegmentRow row, NetworkKind kind) {
        FeatureInput first = kind.inputs().get(0);
        return first == FeatureInput.STATS ? 0 : FeatureArrays.frames(row, first);
    }

    public NetworkKind kind() {
        return kind;
    }

    public Normaliser normaliser() {
        return normaliser;
    }

    public int frames() {
        return frames;
    }

    public Labels labels() {
        return labels;
    }

    /** Coefficients of each input, in {@link NetworkKind#inputs()} order. */
    public int coefficients(FeatureInput input) {
        return normaliser.coefficients(input);
    }

    /** The inputs of {@code rows}, one array per network input, shaped as the network reads them. */
    public INDArray[] features(List<SegmentRow> rows) {
        List<FeatureInput> inputs = kind.inputs();
        INDArray[] arrays = new INDArray[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            FeatureInput input = inputs.get(i);
            int width = coefficients(input);
            int perRow = input == FeatureInput.STATS ? width : width * frames;
            float[] data = new float[rows.size() * perRow];
            for (int r = 0; r < rows.size(); r++) {
                write(rows.get(r), input, width, data, r * perRow);
            }
            TensorLayout layout = input == FeatureInput.STATS ? TensorLayout.VECTOR : kind.layout();
            arrays[i] = Nd4j.create(data, layout.shape(rows.size(), width, frames), 'c');
        }
        return arrays;
    }

    /** One-hot labels {@code [rows, classes]}; every row must carry one of the model's labels. */
    public INDArray labels(List<SegmentRow> rows) {
        float[] data = new float[rows.size() * labels.size()];
        for (int r = 0; r < rows.size(); r++) {
            SegmentRow row = rows.get(r);
            if (row.getLabel() == null) {
                throw new IllegalArgumentException(row.getPath() + " has no label");
            }
            data[r * labels.size() + labels.require(row.getLabel())] = 1f;
        }
        return Nd4j.create(data, new long[] {rows.size(), labels.size()}, 'c');
    }

    /** A labelled minibatch for a single-input network. */
    public DataSet dataSet(List<SegmentRow> rows) {
        return new DataSet(features(rows)[0], labels(rows));
    }

    /** A labelled minibatch for any network (a ComputationGraph's inputs in {@link NetworkKind#inputs()} order). */
    public MultiDataSet multiDataSet(List<SegmentRow> rows) {
        return new MultiDataSet(features(rows), new INDArray[] {labels(rows)});
    }

    /** Writes one row's standardised input at {@code offset}: {@code [coefficient][frame]} for a matrix. */
    private void write(SegmentRow row, FeatureInput input, int width, float[] data, int offset) {
        Normaliser.Scale scale = normaliser.scale(input);
        if (input == FeatureInput.STATS) {
            double[] stats = FeatureArrays.stats(row);
            requireWidth(row, input, stats.length, width);
            for (int c = 0; c < width; c++) {
                data[offset + c] = scale.apply(c, stats[c]);
            }
            return;
        }
        float[][] matrix = FeatureArrays.matrix(row, input);
        if (matrix.length != frames) {
            throw new IllegalArgumentException("segment " + row.getSegment() + " of " + row.getPath() + " has "
                    + matrix.length + " frames of " + input.inputName() + ", the model reads " + frames
                    + " (other segment settings?)");
        }
        requireWidth(row, input, matrix[0].length, width);
        for (int t = 0; t < frames; t++) {
            float[] frame = matrix[t];
            for (int c = 0; c < width; c++) {
                data[offset + c * frames + t] = scale.apply(c, frame[c]);
            }
        }
    }

    private static void requireWidth(SegmentRow row, FeatureInput input, int actual, int expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("segment " + row.getSegment() + " of " + row.getPath() + " has "
                    + actual + " " + input.inputName() + " coefficients, the model reads " + expected);
        }
    }
}
